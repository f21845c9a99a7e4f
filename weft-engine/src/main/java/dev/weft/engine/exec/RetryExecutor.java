package dev.weft.engine.exec;

import dev.weft.engine.run.Durations;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.Call;
import dev.weft.engine.template.EngineError;
import dev.weft.expr.ExprException;
import dev.weft.expr.ExprLang;
import dev.weft.model.spec.Backoff;
import dev.weft.model.spec.RetryStrategy;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Retry node runs attempts {@code name(0)}, {@code name(1)}... until one succeeds or it gives up.
 */
final class RetryExecutor {
  private final Run run;
  private final TemplateExecutor templates;

  RetryExecutor(Run run, TemplateExecutor templates) {
    this.run = run;
    this.templates = templates;
  }

  NodeStatus execute(String nodeName, Call call, Prepared p, RetryStrategy rs, String boundaryId) {
    NodeStatus node = run.nodes().byName(nodeName);
    if (node == null) {
      node = p.createNode(run, nodeName, NodeType.Retry, boundaryId, NodePhase.RUNNING, null);
    }
    List<NodeStatus> attempts = run.nodes().children(node);
    NodeStatus last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    if (last == null || !last.phase().fulfilled()) {
      int index = last == null ? 0 : attempts.size() - 1;
      last = attempt(node, call, boundaryId, index);
      if (last == null || !last.phase().fulfilled()) return run.nodes().byId(node.id());
      attempts = run.nodes().children(run.nodes().byId(node.id()));
    }
    if (last.phase() == NodePhase.SUCCEEDED || last.phase() == NodePhase.SKIPPED) {
      NodeStatus done = last;
      return finish(node, last.phase(), done.message(), done);
    }
    String stop;
    try {
      stop = reasonToStop(node, rs, last, attempts.size());
    } catch (EngineError | ExprException e) {
      return finish(node, NodePhase.ERROR, e.getMessage(), last);
    }
    if (stop != null)
      return finish(node, last.phase(), stop.isEmpty() ? last.message() : stop, last);
    Duration wait = backoff(rs.backoff(), attempts.size());
    Instant resumeAt = last.finishedAt().plus(wait);
    if (run.now().isBefore(resumeAt)) {
      run.wakeAt(resumeAt);
      String message = "Backoff for " + HumanDuration.humanize(wait);
      return run.nodes().update(node.id(), n -> n.toBuilder().message(message).build());
    }
    run.nodes().update(node.id(), n -> n.toBuilder().message(null).build());
    NodeStatus next = attempt(node, call, boundaryId, attempts.size());
    return next == null ? run.nodes().byId(node.id()) : run.nodes().byId(node.id());
  }

  private NodeStatus attempt(NodeStatus retryNode, Call call, String boundaryId, int index) {
    NodeStatus child =
        templates.execute(retryNode.name() + "(" + index + ")", call, boundaryId, index);
    if (child != null) run.nodes().addChild(retryNode.id(), child.id());
    return child;
  }

  /** Null to retry; "" to stop with the last attempt's message; else the message to stop with. */
  private String reasonToStop(NodeStatus node, RetryStrategy rs, NodeStatus last, int tried) {
    if (run.shuttingDown() && !run.inExitHandler()) return "";
    boolean hasExpression = rs.expression() != null && !rs.expression().isBlank();
    String policy =
        rs.retryPolicy() != null ? rs.retryPolicy() : hasExpression ? "Always" : "OnFailure";
    boolean retryable =
        switch (policy) {
          case "Always" -> true;
          case "OnError", "OnTransientError" -> last.phase() == NodePhase.ERROR;
          case "OnFailure" -> last.phase() == NodePhase.FAILED;
          default -> throw new EngineError(policy + " is not a valid RetryPolicy");
        };
    if (!retryable) return "";
    if (rs.limit() != null) {
      int limit;
      try {
        limit = Integer.parseInt(rs.limit().trim());
      } catch (NumberFormatException e) {
        throw new EngineError("retryStrategy.limit must be an integer, got \"" + rs.limit() + "\"");
      }
      if (tried > limit) return "No more retries left";
    }
    if (rs.backoff() != null && rs.backoff().maxDuration() != null) {
      Duration max = Durations.parse(rs.backoff().maxDuration());
      if (!run.now().isBefore(node.startedAt().plus(max))) return "Max duration limit exceeded";
    }
    if (hasExpression) {
      Object result = ExprLang.evaluate(rs.expression(), lastRetry(last, tried));
      if (!Boolean.TRUE.equals(result)) return "retryStrategy.expression evaluated to false";
    }
    return null;
  }

  private static Map<String, Object> lastRetry(NodeStatus last, int tried) {
    Map<String, Object> lr = new HashMap<>();
    String exit = last.outputs() == null ? null : last.outputs().exitCode();
    lr.put("exitCode", exit == null ? "-1" : exit);
    lr.put("status", last.phase().label());
    lr.put("message", last.message() == null ? "" : last.message());
    long secs =
        last.startedAt() == null || last.finishedAt() == null
            ? 0
            : Duration.between(last.startedAt(), last.finishedAt()).toSeconds();
    lr.put("duration", Long.toString(secs));
    return Map.of("lastRetry", lr, "retries", Integer.toString(tried - 1));
  }

  static Duration backoff(Backoff b, int tried) {
    if (b == null || b.duration() == null) return Duration.ZERO;
    Duration base = Durations.parse(b.duration());
    double factor = b.factor() == null ? 1 : Double.parseDouble(b.factor().trim());
    double nanos = base.toNanos() * Math.pow(factor, Math.max(0, tried - 1));
    Duration wait = Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE / 2.0));
    if (b.cap() != null) {
      Duration cap = Durations.parse(b.cap());
      if (wait.compareTo(cap) > 0) wait = cap;
    }
    return wait;
  }

  private NodeStatus finish(NodeStatus node, NodePhase phase, String message, NodeStatus last) {
    return run.nodes()
        .update(
            node.id(),
            n ->
                n.toBuilder()
                    .phase(phase)
                    .message(message)
                    .outputs(last.outputs())
                    .finishedAt(run.now())
                    .build());
  }
}
