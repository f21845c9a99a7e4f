package dev.weft.engine.run;

import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Instant;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The nodes of one workflow while a reconcile changes them; insertion order is creation order.
 *
 * <p>An overlay on the input map, which is read and never copied until the end: a reconcile touches
 * a few nodes of a large workflow, and copying or comparing the whole map on every fixpoint pass
 * made its cost grow with every node ever finished. A node whose update changes nothing keeps its
 * instance, so callers can tell unchanged nodes by identity.
 */
public final class NodeTable {
  private static final int SMALL = 8;
  private final String workflowName;
  private final Map<String, NodeStatus> base;
  private final Map<String, NodeStatus> overlay = new HashMap<>();
  private final List<String> created = new ArrayList<>();
  // Node ids are hashes of names, asked for many times per pass: each is computed once.
  private final Map<String, String> ids = new HashMap<>();
  // What each node touched since the last mark was before it (null: it did not exist).
  private final Map<String, NodeStatus> beforeMark = new HashMap<>();
  private final Map<String, ChildSet> childSets = new HashMap<>();

  /** The ids of a parent's children list, for membership tests on wide fan-outs. */
  private record ChildSet(List<String> list, Set<String> ids) {}

  public NodeTable(String workflowName, Map<String, NodeStatus> nodes) {
    this.workflowName = workflowName;
    this.base = nodes;
  }

  public String workflowName() {
    return workflowName;
  }

  public String idOf(String nodeName) {
    return ids.computeIfAbsent(nodeName, n -> Names.nodeId(workflowName, n));
  }

  public NodeStatus byName(String nodeName) {
    return byId(idOf(nodeName));
  }

  public NodeStatus byId(String id) {
    NodeStatus n = overlay.get(id);
    return n != null ? n : base.get(id);
  }

  public int size() {
    return base.size() + created.size();
  }

  /** Every node, in the order of the output map: the input's order, then creation order. */
  public Collection<NodeStatus> all() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<NodeStatus> iterator() {
        Iterator<String> inBase = base.keySet().iterator();
        Iterator<String> inCreated = created.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return inBase.hasNext() || inCreated.hasNext();
          }

          @Override
          public NodeStatus next() {
            return byId(inBase.hasNext() ? inBase.next() : inCreated.next());
          }
        };
      }

      @Override
      public int size() {
        return NodeTable.this.size();
      }
    };
  }

  /** The nodes as a new map: the input's unchanged nodes are the same instances. */
  public Map<String, NodeStatus> snapshot() {
    Map<String, NodeStatus> out = new LinkedHashMap<>(Math.max(16, size() * 4 / 3 + 1));
    if (overlay.isEmpty()) {
      out.putAll(base);
      return out;
    }
    for (var e : base.entrySet()) {
      NodeStatus changed = overlay.get(e.getKey());
      out.put(e.getKey(), changed != null ? changed : e.getValue());
    }
    for (String id : created) out.put(id, overlay.get(id));
    return out;
  }

  /** Whether some node that differs from the input's (or is new) matches. */
  public boolean anyChanged(java.util.function.Predicate<NodeStatus> test) {
    for (NodeStatus n : overlay.values()) if (test.test(n)) return true;
    return false;
  }

  /** Whether a node differs from the input (its id is of a changed or new node). */
  public boolean changed(String id) {
    return overlay.containsKey(id);
  }

  /** Starts a fixpoint pass: {@link #changedSinceMark} tells whether the pass changed a node. */
  public void mark() {
    beforeMark.clear();
  }

  /** Whether some node differs from what it was at the last {@link #mark}. */
  public boolean changedSinceMark() {
    for (var e : beforeMark.entrySet()) {
      if (!java.util.Objects.equals(e.getValue(), byId(e.getKey()))) return true;
    }
    return false;
  }

  /**
   * Stores a node; an update equal to the node it replaces keeps the old instance, and one equal to
   * the input's node brings the input's instance back.
   */
  private NodeStatus put(String id, NodeStatus node) {
    NodeStatus current = byId(id);
    if (node == current || node.equals(current)) return current;
    if (!beforeMark.containsKey(id)) beforeMark.put(id, current);
    NodeStatus original = base.get(id);
    if (original != null && original.equals(node)) {
      overlay.remove(id);
      return original;
    }
    if (original == null && current == null) created.add(id);
    overlay.put(id, node);
    return node;
  }

  /** Argo's display name: the node name relative to its boundary, without "[i]." or ".". */
  private String displayName(String name, String boundaryId) {
    NodeStatus boundary = boundaryId == null ? null : byId(boundaryId);
    if (boundary == null || !name.startsWith(boundary.name())) return name;
    String rest = name.substring(boundary.name().length());
    return rest.replaceFirst("^(\\[\\d+\\])?\\.", "");
  }

  public NodeStatus create(
      String name,
      NodeType type,
      String templateName,
      String templateScope,
      String boundaryId,
      NodePhase phase,
      String message,
      Instant now) {
    String id = idOf(name);
    NodeStatus node =
        NodeStatus.builder(id, name, type)
            .displayName(displayName(name, boundaryId))
            .templateName(templateName)
            .templateScope(templateScope)
            .boundaryID(boundaryId)
            .phase(phase)
            .message(message)
            .startedAt(now)
            .finishedAt(phase.fulfilled() ? now : null)
            .build();
    return put(id, node);
  }

  public NodeStatus update(String id, UnaryOperator<NodeStatus> change) {
    return put(id, change.apply(byId(id)));
  }

  /** Sets a phase and message; a fulfilled phase stamps finishedAt once. */
  public NodeStatus mark(String id, NodePhase phase, String message, Instant now) {
    return update(
        id,
        n -> {
          var b = n.toBuilder().phase(phase);
          if (message != null) b.message(message);
          if (phase.fulfilled() && n.finishedAt() == null) b.finishedAt(now);
          return b.build();
        });
  }

  public void addChild(String parentId, String childId) {
    NodeStatus parent = byId(parentId);
    if (parent == null) return;
    List<String> list = parent.childrenOrEmpty();
    if (list.size() < SMALL) {
      if (list.contains(childId)) return;
    } else {
      ChildSet known = childSets.get(parentId);
      if (known == null || known.list() != list) {
        known = new ChildSet(list, new HashSet<>(list));
        childSets.put(parentId, known);
      }
      if (known.ids().contains(childId)) return;
    }
    List<String> children = new ArrayList<>(list.size() + 1);
    children.addAll(list);
    children.add(childId);
    NodeStatus stored = put(parentId, parent.toBuilder().children(children).build());
    ChildSet known = childSets.get(parentId);
    if (known != null && known.list() == list) {
      known.ids().add(childId);
      childSets.put(parentId, new ChildSet(stored.childrenOrEmpty(), known.ids()));
    }
  }

  public List<NodeStatus> children(NodeStatus node) {
    List<NodeStatus> out = new ArrayList<>();
    for (String id : node.childrenOrEmpty()) {
      NodeStatus c = byId(id);
      if (c != null) out.add(c);
    }
    return out;
  }
}
