package dev.weft.server.events;

import dev.weft.expr.CheckedExpr;
import dev.weft.expr.CheckedExpr.Functions;
import dev.weft.expr.ExprException;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.spec.EventSubmit;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.store.LabelSelector;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches one event against the WorkflowEventBindings of its namespace and submits a workflow for
 * each that matches, as Argo's synchronous dispatch does: bindings in name order (the API server's
 * list order), each evaluated whatever happened to the others, and one outcome per binding. It
 * neither records nor deduplicates: a caller that must (a durable inbox) wraps {@link Submitter}
 * and keeps the {@link DispatchResult}.
 */
public final class EventDispatcher {
  /** Creates a workflow and returns it as stored (with its generated name). */
  @FunctionalInterface
  public interface Submitter {
    Workflow submit(Workflow workflow);
  }

  private final Store store;
  private final Submitter submitter;

  public EventDispatcher(Store store, Submitter submitter) {
    this.store = store;
    this.submitter = submitter;
  }

  public DispatchResult dispatch(IncomingEvent event) {
    return dispatch(event, Set.of(), submitter);
  }

  /**
   * As {@link #dispatch(IncomingEvent)}, leaving out the bindings named in {@code settled} (a
   * redelivery never evaluates again a binding that already submitted), creating each workflow
   * through {@code submitter}.
   */
  public DispatchResult dispatch(IncomingEvent event, Set<String> settled, Submitter submitter) {
    List<WorkflowEventBinding> bindings =
        new ArrayList<>(
            store.list(WorkflowEventBinding.class, event.namespace(), LabelSelector.everything()));
    bindings.sort(Comparator.comparing(b -> b.metadata().name()));
    Map<String, Object> env = event.environment();
    List<BindingOutcome> outcomes = new ArrayList<>();
    for (WorkflowEventBinding binding : bindings) {
      if (!settled.contains(binding.metadata().name())) {
        outcomes.add(dispatch(binding, env, submitter));
      }
    }
    return new DispatchResult(outcomes);
  }

  private BindingOutcome dispatch(
      WorkflowEventBinding binding, Map<String, Object> env, Submitter submitter) {
    String name = binding.metadata().name();
    String selector = binding.selectorOrEmpty();
    try {
      if (!matches(selector, env)) return new BindingOutcome.NotMatched(name, selector);
      EventSubmit submit = binding.spec().submit();
      if (submit == null) return new BindingOutcome.MatchedWithoutSubmit(name);
      Workflow wf = BindingWorkflow.build(binding, template(binding, submit), env);
      try {
        return new BindingOutcome.Submitted(name, submitter.submit(wf).metadata().name());
      } catch (StoreException e) {
        throw new BindingError("failed to create workflow: " + e.getMessage());
      } catch (RuntimeException e) {
        // one binding's fault must not keep the others from their events
        throw new BindingError("failed to create workflow: " + e);
      }
    } catch (BindingError e) {
      return new BindingOutcome.Failed(name, e.getMessage());
    }
  }

  /** Argo's EvalBool: compile against the environment, run, and require a bool. */
  private static boolean matches(String selector, Map<String, Object> env) throws BindingError {
    Object result;
    try {
      CheckedExpr.Compiled program =
          CheckedExpr.compile(selector, env.keySet(), Functions.EXPR_ONLY);
      try {
        result = program.run(env);
      } catch (ExprException e) {
        throw new BindingError(
            "failed to evaluate workflow template expression: unable to evaluate expression '"
                + selector
                + "': "
                + e.getMessage());
      }
    } catch (ExprException e) {
      throw new BindingError("failed to evaluate workflow template expression: " + e.getMessage());
    }
    if (!(result instanceof Boolean b)) {
      throw new BindingError(
          "failed to evaluate workflow template expression: unable to cast expression result '"
              + GoValues.asPercentS(result)
              + "' to bool");
    }
    return b;
  }

  private WorkflowSpec template(WorkflowEventBinding binding, EventSubmit submit)
      throws BindingError {
    if (submit.workflowTemplateRef() == null || submit.workflowTemplateRef().name() == null) {
      throw new BindingError(
          "failed to get workflow template: spec.submit.workflowTemplateRef.name is required");
    }
    String name = submit.workflowTemplateRef().name();
    if (submit.workflowTemplateRef().cluster()) {
      return store
          .get(ClusterWorkflowTemplate.class, null, name)
          .map(ClusterWorkflowTemplate::spec)
          .orElseThrow(() -> notFound("clusterworkflowtemplates", name));
    }
    return store
        .get(WorkflowTemplate.class, binding.metadata().namespace(), name)
        .map(WorkflowTemplate::spec)
        .orElseThrow(() -> notFound("workflowtemplates", name));
  }

  private static BindingError notFound(String resource, String name) {
    return new BindingError(
        "failed to get workflow template: " + resource + ".argoproj.io \"" + name + "\" not found");
  }
}
