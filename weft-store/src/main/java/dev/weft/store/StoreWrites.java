package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.status.StatusPatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What create, update, updateStatus and delete do to a store's objects, finalizers and cascading
 * deletion included: the one copy of these rules, shared by every {@link Store}. The caller runs
 * each method under its write serialisation and makes the target's changes durable (or visible)
 * when it returns.
 */
final class StoreWrites {
  private final ObjectLifecycle lifecycle;

  StoreWrites(ObjectLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  ObjectNode create(WriteTarget target, Resource obj) {
    ObjectNode tree = lifecycle.forCreate(obj, target.revision() + 1, k -> target.find(k) != null);
    ObjectKey key = ObjectLifecycle.keyOf(tree);
    if (target.find(key) != null) {
      throw new StoreException.AlreadyExists(key);
    }
    record(target, WatchEvent.Type.ADDED, key, tree);
    return tree;
  }

  ObjectNode update(WriteTarget target, Resource obj) {
    ObjectKey key = ObjectLifecycle.keyOf(obj);
    ObjectNode tree = lifecycle.forUpdate(key, existing(target, key), obj, target.revision() + 1);
    if (ObjectLifecycle.isFinalized(tree)) {
      record(target, WatchEvent.Type.DELETED, key, tree);
      cascade(target, ObjectLifecycle.uidOf(tree));
    } else {
      record(target, WatchEvent.Type.MODIFIED, key, tree);
    }
    return tree;
  }

  ObjectNode updateStatus(WriteTarget target, Resource obj) {
    ObjectKey key = ObjectLifecycle.keyOf(obj);
    ObjectNode tree =
        lifecycle.forStatusUpdate(key, existing(target, key), obj, target.revision() + 1);
    record(target, WatchEvent.Type.MODIFIED, key, tree);
    return tree;
  }

  /**
   * Writes {@code patch} onto {@code current} (which must be at the stored resourceVersion) and
   * sets {@code labels} if given and different: one change, recorded as a {@link StatusDelta}.
   */
  Workflow patchStatus(
      WriteTarget target, Workflow current, StatusPatch patch, Map<String, String> labels) {
    ObjectKey key = ObjectLifecycle.keyOf(current);
    WriteTarget.Stamp stamp = target.stamp(key);
    if (stamp == null) {
      throw new StoreException.NotFound(key);
    }
    String given = current.metadata().resourceVersion();
    String stored = Long.toString(stamp.resourceVersion());
    if (!stored.equals(given)) {
      throw new StoreException.Conflict(key, given, stored);
    }
    long version = target.revision() + 1;
    ObjectMeta meta = current.metadata();
    if (labels != null && !labels.equals(meta.labelsOrEmpty())) {
      meta = meta.withLabels(Collections.unmodifiableMap(new LinkedHashMap<>(labels)));
    }
    // kind and apiVersion as the store keeps them, so the result equals what a read returns
    Workflow next =
        new Workflow(
            current.apiVersion() == null ? key.kind().defaultApiVersion() : current.apiVersion(),
            key.kind().kindName(),
            StatusDelta.atVersion(meta, version),
            current.spec(),
            patch.applyTo(current.status()));
    StatusDelta delta = StatusDelta.of(current, next, patch);
    target.applyPatch(new Change(version, WatchEvent.Type.MODIFIED, key, null, delta, next));
    return next;
  }

  void delete(WriteTarget target, ObjectKey key) {
    delete(target, key, existing(target, key));
  }

  private void delete(WriteTarget target, ObjectKey key, ObjectNode stored) {
    long next = target.revision() + 1;
    if (ObjectLifecycle.hasFinalizers(stored)) {
      if (!ObjectLifecycle.isDeleting(stored)) {
        record(target, WatchEvent.Type.MODIFIED, key, lifecycle.markDeleting(stored, next));
      }
      return;
    }
    record(target, WatchEvent.Type.DELETED, key, ObjectLifecycle.withResourceVersion(stored, next));
    cascade(target, ObjectLifecycle.uidOf(stored));
  }

  /** Deletes, in key order, the objects owned by {@code uid} that have no other owner left. */
  private void cascade(WriteTarget target, String uid) {
    List<ObjectKey> orphans = new ArrayList<>();
    for (ObjectKey key : target.ownedBy(uid).stream().sorted().toList()) {
      ObjectNode tree = target.find(key);
      if (tree != null && ObjectLifecycle.ownerUids(tree).stream().noneMatch(target::uidExists)) {
        orphans.add(key);
      }
    }
    for (ObjectKey key : orphans) {
      ObjectNode stored = target.find(key);
      if (stored != null) {
        delete(target, key, stored);
      }
    }
  }

  private static void record(
      WriteTarget target, WatchEvent.Type type, ObjectKey key, ObjectNode tree) {
    target.apply(new Change(target.revision() + 1, type, key, tree));
  }

  private static ObjectNode existing(WriteTarget target, ObjectKey key) {
    ObjectNode stored = target.find(key);
    if (stored == null) {
      throw new StoreException.NotFound(key);
    }
    return stored;
  }
}
