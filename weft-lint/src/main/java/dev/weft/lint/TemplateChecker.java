package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Backoff;
import dev.weft.model.spec.RetryStrategy;
import dev.weft.model.spec.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of one template: its body, parameters, retry, durations, then its steps or DAG. */
final class TemplateChecker {
  private static final Set<String> RETRY_POLICIES =
      Set.of("Always", "OnFailure", "OnError", "OnTransientError");
  private static final List<String> BODIES =
      List.of(
          "container",
          "script",
          "steps",
          "dag",
          "suspend",
          "containerSet",
          "resource",
          "data",
          "http",
          "plugin");

  private TemplateChecker() {}

  static void check(SpecScope scope, Template t, String pointer) {
    check(scope, t, pointer, false);
  }

  /** An inline template (of a step or task) needs no name. */
  static void check(SpecScope scope, Template t, String pointer, boolean inline) {
    Reporter report = scope.report();
    String label = t.name() == null ? "template" : "template \"" + t.name() + "\"";
    if (!inline && (t.name() == null || t.name().isEmpty())) {
      report.error(pointer, "template has no name");
    }
    if (t.bodyCount() == 0) {
      report.error(pointer, label + " has no body (one of " + String.join(", ", BODIES) + ")");
    } else if (t.bodyCount() > 1) {
      report.error(pointer, label + " has several bodies: " + String.join(", ", bodies(t)));
    }
    var inputs = t.inputsOrEmpty();
    String in = child(pointer, "inputs");
    ParameterChecks.parameters(
        report, inputs.parametersOrEmpty(), child(in, "parameters"), "parameter");
    ParameterChecks.uniqueNames(
        report, names(inputs.artifactsOrEmpty()), child(in, "artifacts"), "artifact");
    var outputs = t.outputsOrEmpty();
    String out = child(pointer, "outputs");
    ParameterChecks.uniqueNames(
        report,
        outputs.parametersOrEmpty().stream().map(p -> p.name()).toList(),
        child(out, "parameters"),
        "parameter");
    ParameterChecks.uniqueNames(
        report, names(outputs.artifactsOrEmpty()), child(out, "artifacts"), "artifact");
    retry(report, t.retryStrategy(), child(pointer, "retryStrategy"));
    seconds(report, t.activeDeadlineSeconds(), child(pointer, "activeDeadlineSeconds"));
    duration(report, t.timeout(), child(pointer, "timeout"));
    if (t.memoize() != null) {
      duration(report, t.memoize().maxAge(), child(child(pointer, "memoize"), "maxAge"));
    }
    if (t.suspend() != null) {
      duration(report, t.suspend().duration(), child(child(pointer, "suspend"), "duration"));
    }
    Map<String, Sibling> steps = Map.of();
    Map<String, Sibling> tasks = Map.of();
    if (t.steps() != null) steps = StepsChecker.check(scope, t.steps(), child(pointer, "steps"));
    if (t.dag() != null) tasks = DagChecker.check(scope, t.dag(), child(pointer, "dag"));
    ReferenceChecker.check(scope, new TemplateShape(t, steps, tasks), pointer);
  }

  private static List<String> names(List<Artifact> artifacts) {
    return artifacts.stream().map(Artifact::name).toList();
  }

  private static List<String> bodies(Template t) {
    Object[] set = {
      t.container(),
      t.script(),
      t.steps(),
      t.dag(),
      t.suspend(),
      t.containerSet(),
      t.resource(),
      t.data(),
      t.http(),
      t.plugin()
    };
    List<String> out = new ArrayList<>();
    for (int i = 0; i < set.length; i++) if (set[i] != null) out.add(BODIES.get(i));
    return out;
  }

  static void retry(Reporter report, RetryStrategy retry, String pointer) {
    if (retry == null) return;
    String limit = retry.limit();
    if (limit != null && !Tag.hasTags(limit)) {
      if (!Durations.isInteger(limit.strip()) || limit.strip().startsWith("-")) {
        report.error(
            child(pointer, "limit"), "\"" + limit + "\" is not a non-negative whole number");
      }
    }
    String policy = retry.retryPolicy();
    if (policy != null && !RETRY_POLICIES.contains(policy)) {
      report.error(
          child(pointer, "retryPolicy"),
          "unknown retryPolicy \""
              + policy
              + "\" (expected one of Always, OnFailure, OnError, OnTransientError)");
    }
    if (retry.expression() != null) {
      Expressions.checkExpression(report, child(pointer, "expression"), retry.expression());
    }
    Backoff backoff = retry.backoff();
    if (backoff != null) {
      String at = child(pointer, "backoff");
      duration(report, backoff.duration(), child(at, "duration"));
      duration(report, backoff.maxDuration(), child(at, "maxDuration"));
      duration(report, backoff.cap(), child(at, "cap"));
      String factor = backoff.factor();
      if (factor != null && !Tag.hasTags(factor) && !factor.strip().matches("[0-9]+(\\.[0-9]+)?")) {
        report.error(child(at, "factor"), "\"" + factor + "\" is not a number");
      }
    }
  }

  /** A Go duration ({@code 1m30s}) or a plain number of seconds. */
  static void duration(Reporter report, String value, String pointer) {
    if (value == null || Tag.hasTags(value) || Durations.isValid(value.strip())) return;
    report.error(pointer, "\"" + value + "\" is not a duration (e.g. 30s, 1m30s, 2h, or seconds)");
  }

  /** activeDeadlineSeconds: a number of seconds, or a duration as Weft also accepts. */
  static void seconds(Reporter report, String value, String pointer) {
    duration(report, value, pointer);
  }
}
