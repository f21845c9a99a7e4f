package dev.weft.engine.exec;

import dev.weft.engine.Limits;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.Call;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.InputBinder;
import dev.weft.engine.template.Resolved;
import dev.weft.engine.template.Substitution;
import dev.weft.engine.template.TemplateResolver;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.RetryStrategy;
import dev.weft.model.spec.Template;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Argo's executeTemplate: resolve the template, bind its inputs, substitute, then run it by kind.
 * It is called again on every reconcile for unfinished nodes, so every step is idempotent.
 */
public final class TemplateExecutor {
  private final Run run;
  private final TemplateResolver resolver;
  private final InputBinder binder;
  private final PodExecutor pods;
  private final SuspendExecutor suspends;
  private final RetryExecutor retries;
  private final StepsExecutor steps;
  private final DagExecutor dags;
  private final Memoizer memoizer;
  private final Admission admission;

  /**
   * Running nodes are walked on every fixpoint pass; their template, bound when they started, is
   * prepared once per reconcile rather than once per pass.
   */
  private final Map<String, Prepared> preparedThisReconcile = new HashMap<>();

  private int preparedWithGlobals;

  /** Each template's JSON tree, made once per reconcile (render copies before it changes one). */
  private final Map<Template, com.fasterxml.jackson.databind.JsonNode> trees =
      new java.util.IdentityHashMap<>();

  public TemplateExecutor(Run run) {
    this.run = run;
    this.resolver = new TemplateResolver(run.library(), run.spec().templateDefaults());
    this.binder = new InputBinder(run.library());
    this.pods = new PodExecutor(run);
    this.suspends = new SuspendExecutor(run);
    this.retries = new RetryExecutor(run, this);
    this.steps = new StepsExecutor(run, this);
    this.dags = new DagExecutor(run, this, steps);
    this.memoizer = new Memoizer(run);
    this.admission = new Admission(run);
  }

  public TemplateResolver resolver() {
    return resolver;
  }

  public InputBinder binder() {
    return binder;
  }

  /** Runs (or continues) the node; null when it may not start yet (parallelism). */
  public NodeStatus execute(String nodeName, Call call, String boundaryId) {
    NodeStatus existing = run.nodes().byName(nodeName);
    if (existing != null && existing.phase().fulfilled()) return existing;
    // a template that calls itself would otherwise recurse until the stack overflows
    if (!run.enterTemplate()) {
      return errorNode(existing, nodeName, call, boundaryId, Limits.MAX_DEPTH_MESSAGE);
    }
    if (existing == null && run.nodes().size() >= run.limits().maxNodes()) {
      run.leaveTemplate();
      return errorNode(null, nodeName, call, boundaryId, run.limits().maxNodesMessage());
    }
    try {
      return execute(nodeName, call, boundaryId, -1);
    } finally {
      run.leaveTemplate();
    }
  }

  NodeStatus execute(String nodeName, Call call, String boundaryId, int attempt) {
    NodeStatus existing = run.nodes().byName(nodeName);
    if (existing != null && existing.phase().fulfilled()) return existing;
    if (preparedWithGlobals != run.globalsVersion()) {
      preparedThisReconcile.clear(); // a global was added: what saw the old ones is prepared again
      preparedWithGlobals = run.globalsVersion();
    }
    Prepared p = existing == null ? null : preparedThisReconcile.get(nodeName + "#" + attempt);
    if (p == null) {
      try {
        p = prepare(nodeName, call, attempt);
      } catch (EngineError e) {
        return errorNode(existing, nodeName, call, boundaryId, e.getMessage());
      }
      if (existing != null) preparedThisReconcile.put(nodeName + "#" + attempt, p);
    }
    if (existing == null) {
      boolean isPod =
          p.template().body() instanceof Template.ContainerBody
              || p.template().body() instanceof Template.ScriptBody
              || p.template().body() instanceof Template.ContainerSetBody;
      if (attempt < 0 && !run.inExitHandler() && !admission.parallelismAllows(boundaryId, isPod)) {
        return null;
      }
      NodeStatus cached = memoizer.lookup(nodeName, p, boundaryId);
      if (cached != null) return cached;
    }
    NodeStatus result = dispatch(nodeName, call, p, existing, boundaryId, attempt);
    if (attempt < 0) memoizer.markMiss(result, p.template());
    return result;
  }

  private NodeStatus dispatch(
      String nodeName, Call call, Prepared p, NodeStatus existing, String boundaryId, int attempt) {
    RetryStrategy retry =
        p.template().retryStrategy() != null
            ? p.template().retryStrategy()
            : run.spec().retryStrategy();
    if (retry != null && attempt < 0) {
      return retries.execute(nodeName, call, p, retry, boundaryId);
    }
    return switch (p.template().body()) {
      case Template.ContainerBody b -> pods.execute(nodeName, p, boundaryId);
      case Template.ScriptBody b -> pods.execute(nodeName, p, boundaryId);
      case Template.ContainerSetBody b -> pods.execute(nodeName, p, boundaryId);
      case Template.StepsBody b -> steps.execute(nodeName, p, boundaryId);
      case Template.DagBody b -> dags.execute(nodeName, p, boundaryId);
      case Template.SuspendBody b -> suspends.execute(nodeName, p, boundaryId);
      case Template.UnsupportedBody b ->
          errorNode(
              existing,
              nodeName,
              call,
              boundaryId,
              b.kind() + " templates cannot run on the local executor");
      case Template.NoBody b ->
          errorNode(
              existing,
              nodeName,
              call,
              boundaryId,
              "template '" + p.template().name() + "' type is unknown");
    };
  }

  private Prepared prepare(String nodeName, Call call, int attempt) {
    Resolved r = resolver.resolve(call);
    InputBinder.Bound bound = binder.bind(r.template(), call.arguments());
    Map<String, String> vars = new HashMap<>(run.globals().values());
    vars.putAll(bound.variables());
    vars.put("node.name", nodeName);
    if (attempt >= 0) vars.put("retries", Integer.toString(attempt));
    return new Prepared(bindAndRender(r.template(), bound, vars), r.holder(), call, bound, vars);
  }

  /**
   * The template with its bound inputs and every tag rendered, in one trip through JSON; no trip
   * back when neither changed anything (a template without inputs or tags is used as it is).
   */
  private Template bindAndRender(Template t, InputBinder.Bound bound, Map<String, String> vars) {
    boolean sameInputs = Objects.equals(t.inputs(), bound.inputs()) || noInputs(t, bound);
    // a template without a tag renders as itself whatever the variables: known from earlier calls
    if (sameInputs && run.finished().tagFree(t)) return t;
    // Templates with templateDefaults are new objects on every call: keep the cache bounded.
    if (trees.size() > 512) trees.clear();
    var tree = trees.computeIfAbsent(t, Codec::tree);
    if (!sameInputs) {
      tree =
          ((com.fasterxml.jackson.databind.node.ObjectNode) tree.deepCopy())
              .set("inputs", Codec.tree(bound.inputs()));
    }
    var rendered = Substitution.renderTree(tree, vars);
    if (sameInputs && rendered == tree) {
      run.finished().foundTagFree(t);
      return t;
    }
    return Codec.convert(rendered, Template.class);
  }

  private static boolean noInputs(Template t, InputBinder.Bound bound) {
    var b = bound.inputs();
    return t.inputs() == null
        && (b == null || b.parametersOrEmpty().isEmpty() && b.artifactsOrEmpty().isEmpty());
  }

  NodeStatus errorNode(
      NodeStatus existing, String nodeName, Call call, String boundaryId, String message) {
    if (existing != null) {
      return run.nodes().mark(existing.id(), NodePhase.ERROR, message, run.now());
    }
    return run.nodes()
        .create(
            nodeName,
            NodeType.Skipped,
            call.displayTemplateName(),
            call.holder().scope(),
            boundaryId,
            NodePhase.ERROR,
            message,
            run.now());
  }
}
