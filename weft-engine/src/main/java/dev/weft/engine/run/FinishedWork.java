package dev.weft.engine.run;

import dev.weft.model.status.NodeStatus;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The finished work one reconcile starts from (produced by an earlier one) and the finished work it
 * leaves for the next: per running steps or DAG node, and the templates known to hold no {{tag}}
 * (rendering them changes nothing, whatever the variables).
 */
public final class FinishedWork {
  private final Map<String, Finished> given;
  private final Set<Object> tagFreeGiven;
  private final Map<String, Supplier<Finished>> left = new HashMap<>();
  private Set<Object> tagFreeFound;

  public FinishedWork(Map<String, Finished> given, Set<Object> tagFree) {
    this.given = given;
    this.tagFreeGiven = tagFree;
  }

  public static FinishedWork none() {
    return new FinishedWork(Map.of(), Set.of());
  }

  /** What an earlier reconcile finished under this node with this template, or null. */
  public Finished of(String nodeId, Object template) {
    Finished f = given.get(nodeId);
    if (f == null) return null;
    return f.template() == template || f.template().equals(template) ? f : null;
  }

  /** Records what is finished under a node; the last record of a reconcile is the one kept. */
  public void leave(String nodeId, Supplier<Finished> finished) {
    left.put(nodeId, finished);
  }

  public boolean tagFree(Object template) {
    if (!tagFreeGiven.contains(template)
        && (tagFreeFound == null || !tagFreeFound.contains(template))) {
      return false;
    }
    foundTagFree(template);
    return true;
  }

  /**
   * Remembers a template as holding no tag. Only templates used in this reconcile are passed on:
   * templates made anew on every call (with templateDefaults) must not pile up.
   */
  public void foundTagFree(Object template) {
    if (tagFreeFound == null) tagFreeFound = Collections.newSetFromMap(new IdentityHashMap<>());
    tagFreeFound.add(template);
  }

  /** The finished work of the nodes still running after this reconcile, for the next one. */
  public Map<String, Finished> leftFor(NodeTable nodes) {
    Map<String, Finished> out = new HashMap<>();
    given.forEach((id, f) -> keepIfRunning(nodes, out, id, f));
    left.forEach((id, f) -> keepIfRunning(nodes, out, id, f.get()));
    return Collections.unmodifiableMap(out);
  }

  private static void keepIfRunning(
      NodeTable nodes, Map<String, Finished> out, String id, Finished f) {
    NodeStatus n = nodes.byId(id);
    if (n != null && !n.phase().fulfilled()) out.put(id, f);
  }

  public Set<Object> tagFreeLeft() {
    return tagFreeFound == null ? Set.of() : Collections.unmodifiableSet(tagFreeFound);
  }
}
