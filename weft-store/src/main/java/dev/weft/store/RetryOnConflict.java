package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write with optimistic concurrency, as client-go's RetryOnConflict: read the object,
 * edit its spec, update; on a conflict read it again and retry.
 */
public final class RetryOnConflict {
  static final int ATTEMPTS = 20;

  private RetryOnConflict() {}

  /**
   * Edits the object's spec; empty when there is no such object.
   *
   * @throws StoreException.Conflict if every attempt lost to another writer
   */
  public static <T extends Resource> Optional<T> editSpec(
      Store store, Class<T> type, String namespace, String name, UnaryOperator<ObjectNode> edit) {
    return edit(store, type, namespace, name, tree -> edit.apply(tree.withObject("spec")));
  }

  /**
   * Edits the whole object (metadata, spec and status) in one write; empty when there is no such
   * object.
   *
   * @throws StoreException.Conflict if every attempt lost to another writer
   */
  public static <T extends Resource> Optional<T> edit(
      Store store,
      Class<T> type,
      String namespace,
      String name,
      java.util.function.Consumer<ObjectNode> edit) {
    for (int attempt = 1; ; attempt++) {
      Optional<T> current = store.get(type, namespace, name);
      if (current.isEmpty()) return Optional.empty();
      ObjectNode tree = (ObjectNode) Codec.tree(current.get());
      edit.accept(tree);
      try {
        return Optional.of(store.update(Codec.convert(tree, type)));
      } catch (StoreException.Conflict e) {
        if (attempt >= ATTEMPTS) throw e;
      }
    }
  }
}
