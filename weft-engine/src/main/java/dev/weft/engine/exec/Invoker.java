package dev.weft.engine.exec;

import dev.weft.engine.run.Run;
import dev.weft.engine.run.Scope;
import dev.weft.engine.template.Call;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.Substitution;
import dev.weft.engine.template.TemplateHolder;
import dev.weft.expr.ExprException;
import dev.weft.expr.Govaluate;
import dev.weft.expr.TemplateText;
import dev.weft.model.spec.Arguments;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Invocation;
import dev.weft.model.spec.LifecycleHook;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.ArrayList;
import java.util.List;

/** Runs one step or DAG task: its condition, its arguments, its template, its exit hook. */
final class Invoker {
  private final Run run;
  private final TemplateExecutor templates;

  Invoker(Run run, TemplateExecutor templates) {
    this.run = run;
    this.templates = templates;
  }

  NodeStatus invoke(
      String nodeName, Invocation inv, Scope scope, TemplateHolder holder, String boundaryId) {
    NodeStatus existing = run.nodes().byName(nodeName);
    if (existing != null && existing.phase().fulfilled()) return existing;
    if (existing == null && inv.when() != null && !inv.when().isBlank()) {
      String when;
      try {
        when = Substitution.text(inv.when(), scope.values());
      } catch (EngineError e) {
        // e.g. a skipped step's output with no default: Argo errors the node, and so the workflow
        return leaf(nodeName, inv, holder, boundaryId, NodePhase.ERROR, e.getMessage());
      }
      boolean proceed;
      try {
        proceed = Govaluate.evaluateWhen(when);
      } catch (ExprException e) {
        return leaf(
            nodeName,
            inv,
            holder,
            boundaryId,
            NodePhase.ERROR,
            "Invalid 'when' expression '" + when + "': " + e.getMessage());
      }
      if (!proceed) {
        return leaf(
            nodeName,
            inv,
            holder,
            boundaryId,
            NodePhase.SKIPPED,
            "when '" + when + "' evaluated false");
      }
    }
    Call call;
    try {
      call = call(inv, inv.arguments(), scope, holder);
    } catch (EngineError e) {
      return leaf(nodeName, inv, holder, boundaryId, NodePhase.ERROR, e.getMessage());
    }
    return templates.execute(nodeName, call, boundaryId);
  }

  /** A node that ends where it starts: skipped, omitted, or an error found before running. */
  NodeStatus leaf(
      String nodeName,
      Invocation inv,
      TemplateHolder holder,
      String boundaryId,
      NodePhase phase,
      String message) {
    NodeStatus existing = run.nodes().byName(nodeName);
    if (existing != null) return run.nodes().mark(existing.id(), phase, message, run.now());
    return run.nodes()
        .create(
            nodeName,
            NodeType.Skipped,
            templateName(inv),
            holder.scope(),
            boundaryId,
            phase,
            message,
            run.now());
  }

  private static String templateName(Invocation inv) {
    if (inv.templateRef() != null) return inv.templateRef().template();
    if (inv.inline() != null) return inv.inline().name();
    return inv.template();
  }

  Call call(Invocation inv, Arguments args, Scope scope, TemplateHolder holder) {
    Arguments rendered = resolveArtifacts(render(args, scope), scope);
    return new Call(holder, inv.template(), inv.templateRef(), inv.inline(), rendered);
  }

  /**
   * Substitutes the arguments. A parameter that refers to the absent output of a skipped step is
   * left out, so the input's own default applies, as in Argo.
   */
  private static Arguments render(Arguments args, Scope scope) {
    if (args == null) return Arguments.EMPTY;
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : args.parametersOrEmpty()) {
      try {
        params.add(Substitution.apply(p, Parameter.class, scope.values()));
      } catch (EngineError e) {
        if (!refersToAbsentOutput(p.value(), scope)) throw e;
      }
    }
    List<Artifact> artifacts = new ArrayList<>();
    for (Artifact a : args.artifactsOrEmpty()) {
      artifacts.add(Substitution.apply(a, Artifact.class, scope.values()));
    }
    return new Arguments(params, artifacts);
  }

  private static boolean refersToAbsentOutput(String value, Scope scope) {
    if (value == null) return false;
    return TemplateText.tags(value).stream()
        .anyMatch(t -> scope.values().containsKey(t) && scope.values().get(t) == null);
  }

  /** Replaces each artifact's {@code from} reference with the artifact it names. */
  Arguments resolveArtifacts(Arguments args, Scope scope) {
    if (args == null) return Arguments.EMPTY;
    List<Artifact> out = new ArrayList<>();
    for (Artifact a : args.artifactsOrEmpty()) {
      if (a.from() == null || a.from().isBlank()) {
        out.add(a);
        continue;
      }
      String ref = a.from().trim();
      if (ref.startsWith("{{") && ref.endsWith("}}"))
        ref = ref.substring(2, ref.length() - 2).trim();
      Artifact found = scope.artifacts().get(ref);
      if (found == null) {
        if (a.isOptional()) continue;
        throw new EngineError("Unable to resolve: {{" + ref + "}}");
      }
      out.add(a.located(found, a.subPath() != null ? a.subPath() : found.subPath()));
    }
    return new Arguments(args.parametersOrEmpty(), out);
  }

  /** Whether a step or task has an exit hook ({@code onExit} or {@code hooks.exit}). */
  static boolean hasExitHook(Invocation inv) {
    boolean hook = inv.hooks() != null && inv.hooks().get("exit") != null;
    return hook || (inv.onExit() != null && !inv.onExit().isBlank());
  }

  /**
   * Runs the exit hook of a finished step or task. Null when it has none; otherwise the hook's
   * node, which the caller waits for before counting the step done.
   */
  NodeStatus exitHook(
      NodeStatus owner, Invocation inv, Scope scope, TemplateHolder holder, String boundaryId) {
    if (!hasExitHook(inv)) return null;
    LifecycleHook hook = inv.hooks() == null ? null : inv.hooks().get("exit");
    Call call;
    try {
      call =
          hook != null
              ? new Call(
                  holder,
                  hook.template(),
                  hook.templateRef(),
                  null,
                  resolveArtifacts(
                      Substitution.apply(hook.arguments(), Arguments.class, scope.values()), scope))
              : Call.byName(holder, inv.onExit(), run.spec().argumentsOrEmpty());
    } catch (EngineError e) {
      return leaf(
          owner.name() + ".onExit", inv, holder, boundaryId, NodePhase.ERROR, e.getMessage());
    }
    if (owner.phase() == NodePhase.SKIPPED || owner.phase() == NodePhase.OMITTED) return null;
    run.enterExitHandler();
    try {
      NodeStatus exit = templates.execute(owner.name() + ".onExit", call, boundaryId);
      if (exit != null && owner.type() != NodeType.Retry)
        run.nodes().addChild(owner.id(), exit.id());
      return exit;
    } finally {
      run.leaveExitHandler();
    }
  }

  /**
   * What a skipped or omitted step or task offers in place of outputs: each output parameter its
   * template declares, with its default or nil, so `??` and defaults downstream can take over.
   */
  Scope skippedOutputs(String prefix, NodeStatus node, Invocation inv, TemplateHolder holder) {
    if (node.phase() != NodePhase.SKIPPED && node.phase() != NodePhase.OMITTED)
      return Scope.empty();
    Scope out = Scope.empty();
    try {
      var t =
          templates
              .resolver()
              .resolve(
                  new Call(
                      holder, inv.template(), inv.templateRef(), inv.inline(), Arguments.EMPTY))
              .template();
      for (var p : t.outputsOrEmpty().parametersOrEmpty()) {
        String fallback = p.valueFrom() == null ? null : p.valueFrom().defaultValue();
        out = out.with(prefix + ".outputs.parameters." + p.name(), fallback);
      }
    } catch (EngineError e) {
      // a template that cannot be resolved declares nothing
    }
    return out;
  }

  static boolean successful(NodeStatus node, Invocation inv) {
    NodePhase p = node.phase();
    if (p == NodePhase.SUCCEEDED || p == NodePhase.SKIPPED || p == NodePhase.OMITTED) return true;
    if (inv.continueOn() == null) return false;
    return (p == NodePhase.FAILED && inv.continueOn().onFailed())
        || (p == NodePhase.ERROR && inv.continueOn().onError());
  }
}
