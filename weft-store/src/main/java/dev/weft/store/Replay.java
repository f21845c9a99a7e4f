package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns history entries kept as {@link StatusDelta}s back into whole objects for watches. A delta
 * moves a workflow forward from its base version; the base comes from the previous entry of the
 * same object when the watcher saw it, and otherwise by undoing, newest first, the deltas between
 * the patch and the next whole image of the object (a later full entry, or the object as stored
 * now). That never needs an entry older than the patch, so compacted history is no obstacle.
 */
final class Replay {
  private final Function<Change, Workflow> stateBefore;

  /** The last image of each workflow seen: decoded, or the whole-object change not decoded yet. */
  private final Map<ObjectKey, Object> state = new HashMap<>();

  /** {@code stateBefore} gives the object at a patch's base when no earlier entry does. */
  Replay(Function<Change, Workflow> stateBefore) {
    this.stateBefore = stateBefore;
  }

  /**
   * {@code changes} (in version order, following those resolved before) with every patch's object
   * filled in.
   */
  List<Change> resolve(List<Change> changes) {
    List<Change> out = new ArrayList<>(changes.size());
    for (Change c : changes) {
      out.add(c);
      if (c.key().kind() != ResourceKind.WORKFLOW) {
        continue;
      }
      if (c.type() == WatchEvent.Type.DELETED) {
        state.remove(c.key());
      } else if (c.typed() != null) {
        state.put(c.key(), c.typed());
      } else if (!c.isPatch()) {
        // decoded only if a later patch needs it
        state.put(c.key(), new Pending(c));
      } else {
        Workflow base = known(state.get(c.key()), c.delta().base());
        Workflow next = c.delta().apply(base != null ? base : stateBefore.apply(c));
        state.put(c.key(), next);
        out.set(out.size() - 1, c.withTyped(next));
      }
    }
    return out;
  }

  /** Drops every image: the changes resolved next do not follow those resolved so far. */
  void forget() {
    state.clear();
  }

  /**
   * The object just before {@code from.get(0)} (a patch), given every later entry of the same
   * object in version order and the object as stored now (null if gone).
   */
  static Workflow before(List<Change> from, Supplier<Resource> now) {
    int full = 0;
    while (full < from.size() && from.get(full).isPatch()) {
      full++;
    }
    Resource image;
    if (full < from.size()) {
      Change c = from.get(full);
      image = c.typed() != null ? c.typed() : Codec.convert(c.object(), Workflow.class);
    } else {
      image = now.get();
    }
    if (!(image instanceof Workflow w)) {
      throw new IllegalStateException("no image of " + from.get(0).key() + " to undo patches from");
    }
    for (int i = full - 1; i >= 0; i--) {
      w = from.get(i).delta().undo(w);
    }
    return w;
  }

  /** A whole-object entry not decoded yet, and where it sits in the output. */
  private record Pending(Change change) {}

  private static Workflow known(Object seen, long base) {
    if (seen instanceof Pending p) {
      ObjectNode tree = p.change().object();
      if (!Long.toString(base).equals(tree.path("metadata").path("resourceVersion").asText())) {
        return null;
      }
      return Codec.convert(tree, Workflow.class);
    }
    if (seen instanceof Workflow w && Long.toString(base).equals(w.metadata().resourceVersion())) {
      return w;
    }
    return null;
  }
}
