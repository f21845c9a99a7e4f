package dev.weft.server;

import dev.weft.model.Resource;
import dev.weft.store.ListResult;
import dev.weft.store.RetryOnConflict;
import dev.weft.store.Store;
import dev.weft.store.Watch;
import dev.weft.store.WatchEvent;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A store that lets a test put another writer's edit between a handler's read and its write: the
 * next {@link #update} the test picks first annotates it (as the notary does a workflow that just
 * ended), so the update's resourceVersion is stale.
 */
final class InterleavingStore implements Store {
  private final Store inner;
  private final AtomicReference<Predicate<Resource>> armed = new AtomicReference<>();
  private volatile Consumer<Resource> before = this::annotate;

  InterleavingStore(Store inner) {
    this.inner = inner;
  }

  /** The next update that {@code which} picks loses to an annotation written just before it. */
  void annotateBeforeNextUpdate(Predicate<Resource> which) {
    beforeNextUpdate(which, this::annotate);
  }

  /** The next update that {@code which} picks first runs {@code action}, given what it updates. */
  void beforeNextUpdate(Predicate<Resource> which, Consumer<Resource> action) {
    before = action;
    armed.set(which);
  }

  private void annotate(Resource obj) {
    RetryOnConflict.edit(
        inner,
        obj.getClass(),
        obj.metadata().namespace(),
        obj.metadata().name(),
        tree -> tree.withObject("metadata").withObject("annotations").put("test/raced", "yes"));
  }

  @Override
  public <T extends Resource> T update(T obj) {
    Predicate<Resource> which = armed.get();
    if (which != null && which.test(obj) && armed.compareAndSet(which, null)) {
      before.accept(obj);
    }
    return inner.update(obj);
  }

  @Override
  public <T extends Resource> T create(T obj) {
    return inner.create(obj);
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> kind, String namespace, String name) {
    return inner.get(kind, namespace, name);
  }

  @Override
  public <T extends Resource> ListResult<T> listWithVersion(
      Class<T> kind, String namespace, dev.weft.store.LabelSelector selector) {
    return inner.listWithVersion(kind, namespace, selector);
  }

  @Override
  public <T extends Resource> T updateStatus(T obj) {
    return inner.updateStatus(obj);
  }

  @Override
  public void delete(Class<? extends Resource> kind, String namespace, String name) {
    inner.delete(kind, namespace, name);
  }

  @Override
  public Watch watch(
      Class<? extends Resource> kind,
      String namespace,
      String fromResourceVersion,
      Consumer<WatchEvent> handler) {
    return inner.watch(kind, namespace, fromResourceVersion, handler);
  }

  @Override
  public String currentResourceVersion() {
    return inner.currentResourceVersion();
  }
}
