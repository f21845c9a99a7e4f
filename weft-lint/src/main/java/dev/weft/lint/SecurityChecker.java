package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.security.SecurityContextRules;
import dev.weft.model.security.SecurityContextRules.Kind;
import dev.weft.model.security.SecurityContextRules.Violation;
import dev.weft.model.spec.Container;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.WorkflowSpec;
import java.util.List;

/**
 * securityContext settings a step will be refused for, found before it runs: those Pod Security
 * Baseline refuses (unless the operator passes --allow-privileged) and those the sandbox cannot
 * honour. Warnings; errors under {@code lint --strict}.
 */
final class SecurityChecker {
  private SecurityChecker() {}

  static void check(Reporter report, WorkflowSpec spec, String at) {
    JsonNode workflowContext = spec.securityContext();
    pod(report, workflowContext, child(at, "securityContext"));
    List<Template> templates = spec.templatesOrEmpty();
    for (int i = 0; i < templates.size(); i++) {
      Template t = templates.get(i);
      String pointer = child(child(at, "templates"), i);
      pod(report, t.securityContext(), child(pointer, "securityContext"));
      JsonNode podContext = t.securityContext() != null ? t.securityContext() : workflowContext;
      containers(report, podContext, t.initContainersOrEmpty(), child(pointer, "initContainers"));
      containers(report, podContext, t.sidecarsOrEmpty(), child(pointer, "sidecars"));
      container(report, podContext, t.container(), child(pointer, "container"));
      container(report, podContext, t.script(), child(pointer, "script"));
      if (t.containerSet() != null && t.containerSet().containers() != null) {
        containers(
            report,
            podContext,
            t.containerSet().containers(),
            child(child(pointer, "containerSet"), "containers"));
      }
    }
  }

  private static void pod(Reporter report, JsonNode context, String pointer) {
    report(report, SecurityContextRules.pod(context), pointer);
  }

  private static void containers(
      Reporter report, JsonNode pod, List<Container> containers, String pointer) {
    for (int i = 0; i < containers.size(); i++) {
      container(report, pod, containers.get(i), child(pointer, i));
    }
  }

  private static void container(Reporter report, JsonNode pod, Container c, String pointer) {
    if (c == null) return;
    String at = child(pointer, "securityContext");
    report(report, SecurityContextRules.container(c.securityContext()), at);
    SecurityContextRules.runAsNonRootViolation(pod, c.securityContext())
        .ifPresent(
            message ->
                report.unhonoured(
                    c.securityContext() != null ? at : pointer,
                    "the step will not run: " + message));
  }

  private static void report(Reporter report, List<Violation> violations, String pointer) {
    for (Violation v : violations) {
      String consequence =
          v.kind() == Kind.BASELINE
              ? "the step will not run unless the operator passes --allow-privileged: "
              : "the step will not run: ";
      report.unhonoured(pointer + v.pointer(), consequence + v.message());
    }
  }
}
