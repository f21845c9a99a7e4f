package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The objects and history one write works on, seen from inside the store's write serialisation (a
 * lock in memory, a transaction in a database). {@link StoreWrites} decides what changes; the
 * target only looks objects up and records changes.
 */
interface WriteTarget {

  /** The version of the latest change, including those recorded by this write so far. */
  long revision();

  /** The stored tree, or null. */
  ObjectNode find(ObjectKey key);

  /** Whether an object with this uid is stored. */
  boolean uidExists(String uid);

  /** The keys of the stored objects naming {@code uid} in their ownerReferences. */
  List<ObjectKey> ownedBy(String uid);

  /** Records a change at {@code revision() + 1}: stores or removes the object, appends history. */
  void apply(Change change);

  /** The stored object's uid and resourceVersion, found without reading its body; or null. */
  Stamp stamp(ObjectKey key);

  /**
   * Records a status patch at {@code revision() + 1}: {@code change} carries the {@link
   * StatusDelta} and the workflow it makes ({@link Change#typed}); only what the delta names is
   * written.
   */
  void applyPatch(Change change);

  /** What a patch needs to know of the stored object. */
  record Stamp(String uid, long resourceVersion) {}
}
