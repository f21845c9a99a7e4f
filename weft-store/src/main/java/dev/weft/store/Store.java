package dev.weft.store;

import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.status.StatusPatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resources with Kubernetes API-server semantics: one global, strictly increasing resourceVersion;
 * optimistic concurrency on writes; finalizers; owner-reference cascading delete; and watches that
 * replay changes in resourceVersion order from a given version.
 *
 * <p>Implementations share their semantics through {@link ObjectLifecycle} and differ only in where
 * objects and the change history are kept.
 */
public interface Store {

  /**
   * Stores a new object. A {@code generateName} without a name gets five random characters
   * appended; uid, resourceVersion, generation 1 and creationTimestamp are set; a namespaced kind's
   * namespace defaults to "default", a cluster-scoped kind's is dropped.
   *
   * @throws StoreException.AlreadyExists if the name is taken
   * @throws StoreException.Invalid if there is neither name nor generateName, or the name is bad
   */
  <T extends Resource> T create(T obj);

  /** The object, if stored; a null namespace means "default" (ignored for cluster kinds). */
  <T extends Resource> Optional<T> get(Class<T> kind, String namespace, String name);

  /** The objects of a kind in a namespace (null: all) whose labels match, by namespace, name. */
  default <T extends Resource> List<T> list(
      Class<T> kind, String namespace, LabelSelector selector) {
    return listWithVersion(kind, namespace, selector).items();
  }

  /** As {@link #list}, with the resourceVersion the list is consistent with, to watch from. */
  <T extends Resource> ListResult<T> listWithVersion(
      Class<T> kind, String namespace, LabelSelector selector);

  /**
   * Replaces the stored object, status included (Argo's CRDs have no status subresource). Its
   * metadata.resourceVersion must equal the stored one. The store-owned metadata (uid,
   * creationTimestamp, deletionTimestamp, generation) is kept; the generation is bumped when
   * anything outside metadata and status changed. An object being deleted whose last finalizer this
   * update removes is deleted.
   *
   * @throws StoreException.Conflict on a stale (or missing) resourceVersion
   * @throws StoreException.NotFound if there is no such object
   */
  <T extends Resource> T update(T obj);

  /**
   * Replaces only the status of the stored object; every other field of {@code obj} is ignored. The
   * same resourceVersion rule as {@link #update} applies.
   */
  <T extends Resource> T updateStatus(T obj);

  /**
   * Applies {@code patch} to the status of {@code current} and, if {@code labels} is not null and
   * differs from its labels, sets them too: one write, one new resourceVersion. The same
   * resourceVersion rule as {@link #update} applies to {@code current}, which must be the object as
   * read (its spec and other metadata are what stay stored). Stores write only what the patch
   * names, so a reconcile costs what it changed, not the size of the status.
   *
   * @return the stored workflow, equal to {@code current} with the patch and labels applied and the
   *     store's new metadata
   * @throws StoreException.Conflict on a stale (or missing) resourceVersion
   * @throws StoreException.NotFound if there is no such object
   */
  default Workflow patchStatus(Workflow current, StatusPatch patch, Map<String, String> labels) {
    Workflow next = current.withStatus(patch.applyTo(current.status()));
    if (labels == null || labels.equals(current.metadata().labelsOrEmpty())) {
      return updateStatus(next);
    }
    return update(next.withMetadata(current.metadata().withLabels(labels)));
  }

  /**
   * Deletes an object. One with finalizers only gets a deletionTimestamp and stays until an update
   * removes its last finalizer. Once an object is gone, the objects it owns (by ownerReference uid)
   * and that have no other owner left are deleted too, by the same rules.
   *
   * @throws StoreException.NotFound if there is no such object
   */
  void delete(Class<? extends Resource> kind, String namespace, String name);

  /**
   * Delivers, in resourceVersion order and on a thread of the watch's own, every change to objects
   * of {@code kind} in {@code namespace} (null: all) after {@code fromResourceVersion}; null or
   * empty means after the current version.
   *
   * @throws StoreException.TooOld if changes after that version were compacted away
   */
  Watch watch(
      Class<? extends Resource> kind,
      String namespace,
      String fromResourceVersion,
      Consumer<WatchEvent> handler);

  /** The version of the latest change. */
  String currentResourceVersion();
}
