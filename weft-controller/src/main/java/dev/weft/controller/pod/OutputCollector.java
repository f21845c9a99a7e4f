package dev.weft.controller.pod;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.artifact.ArtifactStore;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.executor.ContainerOutcome;
import dev.weft.executor.HostFile;
import dev.weft.executor.PodOutcome;
import dev.weft.executor.RunningPod;
import dev.weft.executor.SafePaths;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Argo's wait container does: after the pod ends, read its result, exit code, output
 * parameters and output artifacts, and save the artifacts to the repository.
 */
public final class OutputCollector {
  /** Argo keeps at most this much of stdout as {@code outputs.result}. */
  static final int RESULT_LIMIT = 256 * 1024;

  private final ArtifactRepository artifacts;

  public OutputCollector(ArtifactRepository artifacts) {
    this.artifacts = artifacts;
  }

  public ArtifactRepository artifacts() {
    return artifacts;
  }

  public Event.PodFinished collect(
      Action.RunPod run, Workflow wf, RunningPod pod, PodOutcome outcome, Instant now) {
    Template t = run.template();
    ContainerOutcome main = mainOutcome(outcome);
    Instant started = main == null || main.startedAt() == null ? now : main.startedAt();
    Instant finished = main == null || main.finishedAt() == null ? now : main.finishedAt();
    Optional<String> problem = problem(outcome, main);
    Optional<ContainerOutcome> cannotRun = cannotExecute(t, outcome);
    int exit = cannotRun.isPresent() ? EXEC_FAILED : exitCode(t, outcome, main);
    String result =
        main == null || !main.started() ? null : result(pod.stdoutTail(main.name(), RESULT_LIMIT));
    if (problem.isPresent() || exit != 0) {
      Outputs partial = new Outputs(null, null, result, Integer.toString(exit));
      String failure =
          problem.isPresent()
              ? null
              : cannotRun.map(c -> c.name() + ": " + c.error().get()).orElse(null);
      return new Event.PodFinished(
          run.nodeId(), exit, problem, partial, started, finished, failure);
    }
    try {
      List<Parameter> params = parameters(t, pod, main.name());
      List<Artifact> saved = saveArtifacts(t, pod, main.name(), wf, run.podName());
      Outputs out =
          new Outputs(
              params.isEmpty() ? null : params,
              saved.isEmpty() ? null : saved,
              result,
              Integer.toString(exit));
      return new Event.PodFinished(run.nodeId(), exit, Optional.empty(), out, started, finished);
    } catch (IOException e) {
      Outputs partial = new Outputs(null, null, result, Integer.toString(exit));
      return new Event.PodFinished(
          run.nodeId(), exit, Optional.of(e.getMessage()), partial, started, finished);
    }
  }

  /** The container whose outputs are the node's: "main", else the last of a containerSet. */
  private static ContainerOutcome mainOutcome(PodOutcome outcome) {
    ContainerOutcome main = outcome.containers().get("main");
    if (main != null) return main;
    ContainerOutcome last = null;
    for (ContainerOutcome c : outcome.containers().values()) last = c;
    return last;
  }

  /** The exit code of a command that cannot be executed, as a shell reports it. */
  static final int EXEC_FAILED = 127;

  /**
   * A container (not a sidecar) whose command cannot be executed: in Argo its container exits
   * non-zero, so the node Fails rather than Errors.
   */
  private static Optional<ContainerOutcome> cannotExecute(Template t, PodOutcome outcome) {
    if (outcome.killedReason().isPresent()) return Optional.empty();
    Set<String> sidecars = PodPlanner.sidecarNames(t);
    return outcome.containers().values().stream()
        .filter(c -> !sidecars.contains(c.name()) && execFailure(c))
        .findFirst();
  }

  private static boolean execFailure(ContainerOutcome c) {
    return c.error().map(e -> e.startsWith("executable file not found")).orElse(false);
  }

  private static Optional<String> problem(PodOutcome outcome, ContainerOutcome main) {
    if (outcome.killedReason().isPresent()) return outcome.killedReason();
    for (ContainerOutcome c : outcome.containers().values()) {
      if (execFailure(c)) continue;
      if (c.error().isPresent() && !c.error().get().startsWith("not run: dependency")) {
        return Optional.of(c.name() + ": " + c.error().get());
      }
    }
    return main == null ? Optional.of("pod has no containers") : Optional.empty();
  }

  /** Init containers and a containerSet's containers fail the pod; sidecars never do. */
  private static int exitCode(Template t, PodOutcome outcome, ContainerOutcome main) {
    Set<String> inits = PodPlanner.initNames(t);
    Set<String> sidecars = PodPlanner.sidecarNames(t);
    for (ContainerOutcome c : outcome.containers().values()) {
      if (inits.contains(c.name()) && c.started() && c.exitCode() != 0) return c.exitCode();
    }
    if (t.containerSet() != null) {
      for (ContainerOutcome c : outcome.containers().values()) {
        if (!sidecars.contains(c.name()) && c.started() && c.exitCode() != 0) return c.exitCode();
      }
    }
    return main == null ? 1 : Math.max(0, main.exitCode());
  }

  static String result(String stdout) {
    String r = stdout;
    byte[] bytes = r.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > RESULT_LIMIT) {
      r = new String(bytes, bytes.length - RESULT_LIMIT, RESULT_LIMIT, StandardCharsets.UTF_8);
    }
    return r.endsWith("\n") ? r.substring(0, r.length() - 1) : r;
  }

  private static List<Parameter> parameters(Template t, RunningPod pod, String container)
      throws IOException {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : t.outputsOrEmpty().parametersOrEmpty()) {
      var vf = p.valueFrom();
      Optional<String> read = Optional.empty();
      if (vf != null && vf.path() != null) {
        HostFile file = pod.hostFile(container, vf.path());
        read =
            SafePaths.readString(
                file.base(), file.relative(), "output parameter '" + p.name() + "'");
      }
      out.add(outputParameter(p, read));
    }
    return out;
  }

  /**
   * An output parameter as Argo reports it: from its path ({@code read}: the file's content, empty
   * when there is none) without one trailing newline, else its default, else an error; one without
   * a path keeps its value, or its default. Shared by local mode and the Kubernetes wait container.
   */
  public static Parameter outputParameter(Parameter p, Optional<String> read) throws IOException {
    String value = p.value();
    var vf = p.valueFrom();
    if (vf != null && vf.path() != null) {
      if (read.isPresent()) {
        value = read.get();
        if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
      } else if (vf.defaultValue() != null) {
        value = vf.defaultValue();
      } else {
        throw new IOException(
            "failed to read output parameter '"
                + p.name()
                + "': open "
                + vf.path()
                + ": no such file or directory");
      }
    } else if (value == null && vf != null && vf.defaultValue() != null) {
      value = vf.defaultValue();
    }
    return new Parameter(p.name(), null, value, null, p.globalName(), null, null);
  }

  private List<Artifact> saveArtifacts(
      Template t, RunningPod pod, String container, Workflow wf, String podName)
      throws IOException {
    String ns = wf.metadata().namespaceOrDefault();
    String uid = wf.metadata().uid();
    if (uid == null || uid.isBlank()) uid = wf.metadata().name();
    List<Artifact> out = new ArrayList<>();
    for (Artifact a : t.outputsOrEmpty().artifactsOrEmpty()) {
      if (a.path() == null) continue;
      HostFile source = pod.hostFile(container, a.path());
      boolean raw = a.archive() != null && a.archive().isNone();
      String key =
          a.s3() != null && a.s3().hasNonNull("key")
              ? a.s3().get("key").asText()
              : artifacts.defaultKey(
                  new ArtifactStore.KeyContext(
                      wf.metadata().name(), ns, uid, podName, wf.metadata().creationTimestamp()),
                  a.name(),
                  raw);
      String what = "output artifact '" + a.name() + "'";
      if (!artifacts.save(ns, a.s3(), key, source, raw, what)) {
        if (a.isOptional()) continue;
        throw new IOException(
            "failed to save output artifact '"
                + a.name()
                + "': open "
                + a.path()
                + ": no such file or directory");
      }
      // an artifact with its own bucket keeps it, so that whoever reads this output finds it there
      var s3 =
          a.s3() != null && a.s3().isObject() && a.s3().size() > (a.s3().has("key") ? 1 : 0)
              ? ((ObjectNode) a.s3().deepCopy()).put("key", key)
              : JsonNodeFactory.instance.objectNode().put("key", key);
      out.add(
          new Artifact(
              a.name(),
              a.path(),
              a.mode(),
              null,
              null,
              null,
              a.archive(),
              a.globalName(),
              a.optional(),
              null,
              null,
              null,
              null,
              null,
              s3,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return out;
  }
}
