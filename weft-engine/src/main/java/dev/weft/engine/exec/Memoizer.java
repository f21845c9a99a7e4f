package dev.weft.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.engine.action.Action;
import dev.weft.engine.run.Durations;
import dev.weft.engine.run.Run;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Memoize;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Template;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Instant;
import java.util.Map;

/**
 * Memoization: a cache hit creates the node already Succeeded with the cached outputs; a miss is
 * marked so that its outputs are saved to the cache ConfigMap once it succeeds.
 */
public final class Memoizer {
  private final Run run;

  public Memoizer(Run run) {
    this.run = run;
  }

  NodeStatus lookup(String nodeName, Prepared p, String boundaryId) {
    Memoize m = p.template().memoize();
    if (m == null || m.cache() == null || m.cache().configMap() == null) return null;
    String cacheName = m.cache().configMap().name();
    JsonNode entry = entry(cacheName, m.key());
    if (entry != null && fresh(entry, m.maxAge())) {
      Outputs outputs = Codec.convert(entry.path("outputs"), Outputs.class);
      NodeStatus node =
          run.nodes()
              .create(
                  nodeName,
                  typeOf(p.template()),
                  p.call().displayTemplateName(),
                  p.holder().scope(),
                  boundaryId,
                  NodePhase.SUCCEEDED,
                  null,
                  run.now());
      return run.nodes()
          .update(
              node.id(),
              n ->
                  n.toBuilder()
                      .outputs(outputs)
                      .memoizationStatus(status(true, m.key(), cacheName))
                      .build());
    }
    return null;
  }

  /** Called after the node for a memoized template exists, to remember the cache to fill. */
  void markMiss(NodeStatus node, Template t) {
    Memoize m = t.memoize();
    if (m == null || m.cache() == null || m.cache().configMap() == null || node == null) return;
    if (node.memoizationStatus() != null) return;
    run.nodes()
        .update(
            node.id(),
            n ->
                n.toBuilder()
                    .memoizationStatus(status(false, m.key(), m.cache().configMap().name()))
                    .build());
  }

  /** Save actions for the memoized nodes that succeeded during this reconcile. */
  public static void saveNewlySucceeded(Run run, Map<String, NodeStatus> before) {
    // only a node this reconcile changed can have newly succeeded
    if (!run.nodes().anyChanged(n -> n.memoizationStatus() != null)) return;
    for (NodeStatus n : run.nodes().all()) {
      JsonNode memo = n.memoizationStatus();
      if (memo == null || memo.path("hit").asBoolean() || n.phase() != NodePhase.SUCCEEDED)
        continue;
      NodeStatus old = before.get(n.id());
      if (old != null && old.phase() == NodePhase.SUCCEEDED) continue;
      run.act(
          new Action.SaveMemo(
              memo.path("cacheName").asText(),
              memo.path("key").asText(),
              n.id(),
              n.outputs(),
              run.now()));
    }
  }

  private JsonNode entry(String cacheName, String key) {
    String raw = run.library().configMap(cacheName).map(c -> c.dataOrEmpty().get(key)).orElse(null);
    if (raw == null) return null;
    try {
      return Codec.json().readTree(raw);
    } catch (Exception e) {
      return null;
    }
  }

  private boolean fresh(JsonNode entry, String maxAge) {
    if (maxAge == null || maxAge.isBlank()) return true;
    String created = entry.path("creationTimestamp").asText(null);
    if (created == null) return false;
    return Instant.parse(created).plus(Durations.parse(maxAge)).isAfter(run.now());
  }

  private static NodeType typeOf(Template t) {
    if (t.retryStrategy() != null) return NodeType.Retry;
    return switch (t.body()) {
      case Template.StepsBody b -> NodeType.Steps;
      case Template.DagBody b -> NodeType.DAG;
      case Template.SuspendBody b -> NodeType.Suspend;
      default -> NodeType.Pod;
    };
  }

  private static JsonNode status(boolean hit, String key, String cacheName) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("hit", hit)
        .put("key", key)
        .put("cacheName", cacheName);
  }
}
