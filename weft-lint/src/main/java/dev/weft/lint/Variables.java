package dev.weft.lint;

import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Argo's variable names, and whether a simple tag names something that exists where it is used.
 * Errors are for names Argo would fail to resolve; names Weft does not know are warnings.
 */
final class Variables {
  /** What is wrong with a variable reference. */
  record Finding(boolean error, String message) {
    static Optional<Finding> error(String message) {
      return Optional.of(new Finding(true, message));
    }

    static Optional<Finding> warning(String message) {
      return Optional.of(new Finding(false, message));
    }
  }

  private static final Set<String> WORKFLOW =
      Set.of(
          "name",
          "namespace",
          "uid",
          "serviceAccountName",
          "status",
          "failures",
          "duration",
          "creationTimestamp",
          "labels",
          "annotations",
          "mainEntrypoint",
          "priority",
          "scheduledTime",
          "parameters",
          "outputs");
  private static final Set<String> NODE_FIELDS =
      Set.of("id", "ip", "status", "exitCode", "startedAt", "finishedAt", "hostNodeName");
  private static final Set<String> METRICS =
      Set.of("status", "duration", "exitCode", "resourcesDuration");
  private static final Set<String> LAST_RETRY = Set.of("exitCode", "status", "duration", "message");

  private Variables() {}

  static Optional<Finding> check(String name, Site site, TemplateShape shape, SpecScope scope) {
    List<String> parts = Arrays.asList(name.split("\\.", -1));
    Template t = shape.template();
    return switch (parts.get(0)) {
      case "inputs" -> io(parts, "input", inputs(t, parts), t);
      case "outputs" -> io(parts, "output", outputs(t, parts), t);
      case "steps" -> node(parts, site, shape, "steps", shape.isSteps(), shape.steps());
      case "tasks" -> node(parts, site, shape, "tasks", shape.isDag(), shape.tasks());
      case "workflow" -> workflow(parts, scope);
      case "item" ->
          site.inLoop()
              ? Optional.empty()
              : Finding.warning(
                  "\"" + name + "\" used outside a loop (withItems, withParam or withSequence)");
      case "pod", "node" ->
          name.equals("pod.name") || name.equals("node.name") ? Optional.empty() : unknown(name);
      case "retries" -> parts.size() == 1 ? Optional.empty() : unknown(name);
      case "lastRetry" ->
          parts.size() == 2 && LAST_RETRY.contains(parts.get(1)) ? Optional.empty() : unknown(name);
      case "cronworkflow" -> scope.cron() ? Optional.empty() : unknown(name);
      default ->
          site instanceof Site.Metrics && METRICS.contains(parts.get(0))
              ? Optional.empty()
              : unknown(name);
    };
  }

  private static Optional<Finding> unknown(String name) {
    return Finding.warning("unknown variable \"" + name + "\"");
  }

  private static List<String> inputs(Template t, List<String> parts) {
    var in = t.inputsOrEmpty();
    return parts.size() > 1 && parts.get(1).equals("artifacts")
        ? in.artifactsOrEmpty().stream().map(Artifact::name).toList()
        : in.parametersOrEmpty().stream().map(Parameter::name).toList();
  }

  private static List<String> outputs(Template t, List<String> parts) {
    var out = t.outputsOrEmpty();
    return parts.size() > 1 && parts.get(1).equals("artifacts")
        ? out.artifactsOrEmpty().stream().map(Artifact::name).toList()
        : out.parametersOrEmpty().stream().map(Parameter::name).toList();
  }

  /** {@code inputs.parameters.X}, {@code outputs.artifacts.X.path} and the like. */
  private static Optional<Finding> io(
      List<String> parts, String direction, List<String> declared, Template t) {
    String joined = String.join(".", parts);
    if (parts.size() == 2
        && (parts.get(1).equals("parameters") || parts.get(1).equals("artifacts")))
      return Optional.empty();
    if (parts.size() == 2 && direction.equals("output")) {
      return parts.get(1).equals("result") || parts.get(1).equals("exitCode")
          ? Optional.empty()
          : unknown(joined);
    }
    if (parts.size() < 3) return unknown(joined);
    String kind = parts.get(1);
    boolean artifact = kind.equals("artifacts");
    if (!artifact && !kind.equals("parameters")) return unknown(joined);
    String item = parts.get(2);
    if (!declared.contains(item)) {
      String noun = direction + (artifact ? " artifact" : " parameter");
      return Finding.error(
          joined + ": template \"" + t.name() + "\" has no " + noun + " \"" + item + "\"");
    }
    if (parts.size() == 3 || (parts.size() == 4 && parts.get(3).equals("path"))) {
      return Optional.empty();
    }
    return unknown(joined);
  }

  /** {@code steps.S.…} or {@code tasks.T.…}. */
  private static Optional<Finding> node(
      List<String> parts,
      Site site,
      TemplateShape shape,
      String prefix,
      boolean applies,
      Map<String, Sibling> siblings) {
    String joined = String.join(".", parts);
    if (parts.size() == 2 && parts.get(1).equals("name")) return Optional.empty();
    String kindName = prefix.equals("steps") ? "step" : "task";
    String templateName = shape.template().name();
    if (!applies) {
      return Finding.error(
          joined + ": " + prefix + " can only be used in a " + prefix + " template");
    }
    if (parts.size() < 2) return unknown(joined);
    String ref = parts.get(1);
    Sibling sibling = siblings.get(ref);
    if (sibling == null) {
      return Finding.error(
          joined + ": template \"" + templateName + "\" has no " + kindName + " \"" + ref + "\"");
    }
    boolean itself = site instanceof Site.InStep s && s.hook() && ref.equals(s.name());
    if (site instanceof Site.InStep s && sibling.group() >= s.group() && !itself) {
      return Finding.error(
          joined
              + ": step \""
              + ref
              + "\" is not in an earlier group than step \""
              + s.name()
              + "\" (a step may only refer to steps of earlier groups)");
    }
    if (site instanceof Site.InTask task) {
      if (ref.equals(task.name()) && !task.hook()) {
        return Finding.error(joined + ": task \"" + ref + "\" refers to itself");
      }
      Optional<Finding> attr = attribute(parts, joined, sibling);
      if (attr.isPresent()) return attr;
      Sibling self = siblings.get(task.name());
      if (self != null && !ref.equals(task.name()) && !self.ancestors().contains(ref)) {
        return Finding.warning(
            joined
                + ": task \""
                + ref
                + "\" is not among the dependencies of \""
                + task.name()
                + "\"");
      }
      return Optional.empty();
    }
    return attribute(parts, joined, sibling);
  }

  private static Optional<Finding> attribute(List<String> parts, String joined, Sibling sibling) {
    List<String> rest = parts.subList(2, parts.size());
    if (rest.size() == 1 && NODE_FIELDS.contains(rest.get(0))) return Optional.empty();
    if (rest.isEmpty() || !rest.get(0).equals("outputs") || rest.size() < 2) {
      return unknown(joined);
    }
    String kind = rest.get(1);
    if (rest.size() == 2) {
      return Set.of("result", "exitCode", "parameters", "artifacts").contains(kind)
          ? Optional.empty()
          : unknown(joined);
    }
    if (rest.size() != 3 || !(kind.equals("parameters") || kind.equals("artifacts"))) {
      return unknown(joined);
    }
    if (sibling.target().isEmpty()) return Optional.empty();
    Template target = sibling.target().get();
    boolean artifact = kind.equals("artifacts");
    List<String> declared =
        artifact
            ? target.outputsOrEmpty().artifactsOrEmpty().stream().map(Artifact::name).toList()
            : target.outputsOrEmpty().parametersOrEmpty().stream().map(Parameter::name).toList();
    if (declared.contains(rest.get(2))) return Optional.empty();
    return Finding.error(
        joined
            + ": template \""
            + target.name()
            + "\" has no output "
            + (artifact ? "artifact" : "parameter")
            + " \""
            + rest.get(2)
            + "\"");
  }

  private static Optional<Finding> workflow(List<String> parts, SpecScope scope) {
    String joined = String.join(".", parts);
    if (parts.size() < 2 || !WORKFLOW.contains(parts.get(1))) return unknown(joined);
    if (!parts.get(1).equals("parameters") || parts.size() == 2) return Optional.empty();
    String param = String.join(".", parts.subList(2, parts.size()));
    if (param.equals("json") || scope.globals().contains(param)) return Optional.empty();
    String message = joined + ": no workflow parameter \"" + param + "\" in spec.arguments";
    return scope.globalsComplete() ? Finding.error(message) : Finding.warning(message);
  }
}
