package dev.weft.store;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One status patch as the history keeps it: what it wrote and what it overwrote, so a watcher can
 * move a workflow forward from {@code base} to the patch's version, or back again. Its size is that
 * of the change, never of the whole status; it is the history entry of every {@link
 * Store#patchStatus}.
 *
 * @param base the workflow's resourceVersion the patch was applied to
 * @param meta the metadata after the patch (labels and the new resourceVersion)
 * @param metaBefore the metadata at {@code base}
 * @param headerChanged whether the status without its nodes changed
 * @param header the status header after the patch, if it changed
 * @param headerBefore the header at {@code base}, if it changed (null: there was no status)
 * @param nodes the nodes written, in the order they were written
 * @param nodesBefore the nodes overwritten or removed, as they were at {@code base}
 * @param added the ids of nodes that did not exist at {@code base}
 * @param removed the ids of nodes removed (before {@code nodes} were written)
 * @param orderBefore the node ids at {@code base} in order, when a removal makes it unrecoverable
 */
record StatusDelta(
    long base,
    ObjectMeta meta,
    ObjectMeta metaBefore,
    boolean headerChanged,
    WorkflowStatus header,
    WorkflowStatus headerBefore,
    Map<String, NodeStatus> nodes,
    Map<String, NodeStatus> nodesBefore,
    List<String> added,
    List<String> removed,
    List<String> orderBefore) {

  StatusDelta {
    nodes = nodes == null ? Map.of() : nodes;
    nodesBefore = nodesBefore == null ? Map.of() : nodesBefore;
    added = added == null ? List.of() : added;
    removed = removed == null ? List.of() : removed;
  }

  /** The delta of writing {@code patch} onto {@code current}, which became {@code next}. */
  static StatusDelta of(Workflow current, Workflow next, StatusPatch patch) {
    Map<String, NodeStatus> was =
        current.status() == null ? Map.of() : current.status().nodesOrEmpty();
    Map<String, NodeStatus> before = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    for (String id : patch.removed()) {
      NodeStatus old = was.get(id);
      if (old != null) {
        removed.add(id);
        before.put(id, old);
      }
    }
    List<String> added = new ArrayList<>();
    for (String id : patch.changed().keySet()) {
      NodeStatus old = was.get(id);
      if (old == null) {
        added.add(id);
      } else {
        before.putIfAbsent(id, old);
      }
    }
    WorkflowStatus header = StatusPatch.headerOf(next.status());
    WorkflowStatus headerBefore =
        current.status() == null ? null : StatusPatch.headerOf(current.status());
    boolean headerChanged = !header.equals(headerBefore);
    return new StatusDelta(
        ObjectLifecycle.parseVersion(current.metadata().resourceVersion()),
        next.metadata(),
        current.metadata(),
        headerChanged,
        headerChanged ? header : null,
        headerChanged ? headerBefore : null,
        patch.changed(),
        before,
        added,
        removed,
        removed.isEmpty() ? null : List.copyOf(was.keySet()));
  }

  /** {@code w} at {@link #base} moved forward to this delta's version. */
  Workflow apply(Workflow w) {
    WorkflowStatus from = w.status();
    WorkflowStatus head = headerChanged ? header : StatusPatch.headerOf(from);
    Map<String, NodeStatus> all =
        new LinkedHashMap<>(from == null ? Map.of() : from.nodesOrEmpty());
    removed.forEach(all::remove);
    all.putAll(nodes);
    return w.withMetadata(meta).withStatus(StatusPatch.assemble(head, all));
  }

  /** {@code w} at this delta's version moved back to {@link #base}. */
  Workflow undo(Workflow w) {
    WorkflowStatus from = w.status();
    WorkflowStatus head = headerChanged ? headerBefore : StatusPatch.headerOf(from);
    Workflow back = w.withMetadata(metaBefore);
    if (head == null) {
      return back.withStatus(null);
    }
    Map<String, NodeStatus> all =
        new LinkedHashMap<>(from == null ? Map.of() : from.nodesOrEmpty());
    added.forEach(all::remove);
    all.putAll(nodesBefore);
    if (orderBefore != null) {
      Map<String, NodeStatus> ordered = new LinkedHashMap<>();
      orderBefore.forEach(id -> ordered.put(id, all.get(id)));
      return back.withStatus(StatusPatch.assemble(head, ordered));
    }
    return back.withStatus(StatusPatch.assemble(head, all));
  }

  /** {@code meta} at {@code version}. */
  static ObjectMeta atVersion(ObjectMeta meta, long version) {
    return new ObjectMeta(
        meta.name(),
        meta.generateName(),
        meta.namespace(),
        meta.labels(),
        meta.annotations(),
        meta.uid(),
        Long.toString(version),
        meta.generation(),
        meta.creationTimestamp(),
        meta.deletionTimestamp(),
        meta.finalizers(),
        meta.ownerReferences());
  }
}
