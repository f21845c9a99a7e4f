package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import dev.weft.store.LabelSelector;
import dev.weft.store.ListResult;
import dev.weft.store.RetryOnConflict;
import dev.weft.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small operations on stored objects that every resource family needs. */
final class StoredObjects {
  private StoredObjects() {}

  /**
   * The object placed in the request's namespace (null: cluster-scoped); a different one is 400.
   */
  static <T extends Resource> T place(T obj, String namespace, Class<T> type) {
    String given = obj.metadata().namespace();
    if (namespace != null && given != null && !given.isEmpty() && !given.equals(namespace)) {
      throw ApiException.invalid(
          "metadata.namespace: \""
              + given
              + "\" does not match the request's \""
              + namespace
              + "\"");
    }
    ObjectNode tree = (ObjectNode) Codec.tree(obj);
    ObjectNode meta = tree.with("metadata");
    if (namespace == null) meta.remove("namespace");
    else meta.put("namespace", namespace);
    return Codec.convert(tree, type);
  }

  static <T extends Resource> T get(Store store, Class<T> type, String namespace, String name) {
    return store.get(type, namespace, name).orElseThrow(() -> notFound(type, name));
  }

  /** As Kubernetes words it: {@code workflows "x" not found}. */
  private static ApiException notFound(Class<?> type, String name) {
    return ApiException.notFound(
        type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "s \"" + name + "\" not found");
  }

  /** Argo's list shape: {@code {"metadata":{"resourceVersion":..},"items":[..]}}. */
  static Map<String, Object> list(ListResult<?> result, List<?> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metadata", Map.of("resourceVersion", result.resourceVersion()));
    out.put("items", items);
    return out;
  }

  static LabelSelector labels(Request r) {
    String text = r.query("listOptions.labelSelector");
    return text == null ? LabelSelector.everything() : LabelSelector.parse(text);
  }

  /** Edits the stored object's spec, reading it again when someone else wrote in between. */
  static <T extends Resource> T editSpec(
      Store store, Class<T> type, String namespace, String name, UnaryOperator<ObjectNode> edit) {
    return RetryOnConflict.editSpec(store, type, namespace, name, edit)
        .orElseThrow(() -> notFound(type, name));
  }
}
