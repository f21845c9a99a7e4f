package dev.weft.kube.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.pod.OutputCollector;
import dev.weft.executor.HostFile;
import dev.weft.executor.SafePaths;
import dev.weft.kube.pods.OutputPlan;
import dev.weft.kube.pods.PodProtocol;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeScope;
import dev.weft.kube.store.KubeStore;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wait container: announces the node's WorkflowTaskResult, waits for main's exit file, then
 * reports the result, output parameters and artifacts in it, in Argo's shape, and flips its
 * completed label in the same write. It needs only create and patch on task results.
 */
public final class WaitCommand {
  /** Argo keeps at most this much of stdout as {@code outputs.result}. */
  static final int RESULT_LIMIT = 256 * 1024;

  private final KubernetesClient client;
  private final Map<String, String> env;
  private final Path var;
  private final ArtifactTransfer artifacts;

  public WaitCommand(
      KubernetesClient client, Map<String, String> env, Path var, ArtifactTransfer artifacts) {
    this.client = client;
    this.env = env;
    this.var = var;
    this.artifacts = artifacts;
  }

  public int run() throws IOException, InterruptedException {
    OutputPlan plan =
        KubeStore.decodeValue(
            Codec.json().readTree(need(PodProtocol.ENV_OUTPUTS)), OutputPlan.class);
    String ns = need(PodProtocol.ENV_NAMESPACE);
    String nodeId = need(PodProtocol.ENV_NODE_ID);
    announce(ns, nodeId);
    System.err.println("wait: task result " + nodeId + " created; waiting for " + plan.container());
    // Everything under the shared volume was written by the step's own containers: it is read
    // without following links, so a step cannot make this container read its own files for it.
    String ctr = "ctr/" + SafePaths.fileName(plan.container(), "container name") + "/";
    while (!SafePaths.exists(var, ctr + "exit", "exit file")) Thread.sleep(20);
    System.err.println("wait: " + plan.container() + " ended; collecting its outputs");
    int code = exitCode(SafePaths.readString(var, ctr + "exit", "exit file").orElse(""));
    ObjectNode report = Codec.json().createObjectNode();
    String result = null;
    try {
      if (plan.resultWanted()) {
        result =
            SafePaths.readTail(var, ctr + "stdout", RESULT_LIMIT, "stdout")
                .map(WaitCommand::trimmed)
                .orElse(null);
      }
      Optional<String> error = SafePaths.readString(var, ctr + "error", "launcher error");
      if (code == 0 && error.isPresent()) throw new IOException(error.get().strip());
      List<Parameter> params = code == 0 ? parameters(plan) : List.of();
      List<Artifact> saved = code == 0 ? saveArtifacts(plan, ns) : List.of();
      report.set(
          "outputs",
          Codec.tree(
              new Outputs(
                  params.isEmpty() ? null : params,
                  saved.isEmpty() ? null : saved,
                  result,
                  Integer.toString(code))));
    } catch (IOException e) {
      report.set("outputs", Codec.tree(new Outputs(null, null, result, Integer.toString(code))));
      report.put("phase", "Error").put("message", String.valueOf(e.getMessage()));
    }
    report
        .putObject("metadata")
        .putObject("labels")
        .put(PodProtocol.RESULT_COMPLETED_LABEL, "true");
    patch(ns, nodeId, report);
    System.err.println("wait: outputs reported");
    return 0;
  }

  private void announce(String ns, String nodeId) throws InterruptedException {
    ObjectNode tr = Codec.json().createObjectNode();
    tr.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "WorkflowTaskResult");
    ObjectNode meta = tr.putObject("metadata");
    meta.put("name", nodeId).put("namespace", ns);
    ObjectNode labels = meta.putObject("labels");
    labels.put(KubeScope.WORKFLOW_LABEL, need(PodProtocol.ENV_WORKFLOW_NAME));
    labels.put(PodProtocol.RESULT_COMPLETED_LABEL, "false");
    String instance = env.get(PodProtocol.ENV_INSTANCE_ID);
    if (instance != null && !instance.isEmpty()) labels.put(KubeScope.INSTANCE_LABEL, instance);
    String uid = env.getOrDefault(PodProtocol.ENV_WORKFLOW_UID, "");
    if (!uid.isEmpty()) {
      meta.putArray("ownerReferences")
          .addObject()
          .put("apiVersion", "argoproj.io/v1alpha1")
          .put("kind", "Workflow")
          .put("name", need(PodProtocol.ENV_WORKFLOW_NAME))
          .put("uid", uid);
    }
    GenericKubernetesResource g = KubeStore.decodeValue(tr, GenericKubernetesResource.class);
    retry(
        () -> {
          try {
            client
                .genericKubernetesResources(KubeKind.TASK_RESULT)
                .inNamespace(ns)
                .resource(g)
                .create();
          } catch (KubernetesClientException e) {
            if (e.getCode() != 409) throw e; // a restarted wait finds its own
          }
        });
  }

  private void patch(String ns, String nodeId, ObjectNode report) throws InterruptedException {
    String body = Codec.toJson(report);
    retry(
        () ->
            client
                .genericKubernetesResources(KubeKind.TASK_RESULT)
                .inNamespace(ns)
                .withName(nodeId)
                .patch(PatchContext.of(PatchType.JSON_MERGE), body));
  }

  /** Argo's executor retries its writes with backoff: the API server may be briefly away. */
  private static void retry(Runnable write) throws InterruptedException {
    Duration delay = Duration.ofMillis(100);
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (KubernetesClientException e) {
        if (attempt >= 20 || (e.getCode() >= 400 && e.getCode() < 500 && e.getCode() != 429)) {
          throw e;
        }
        Thread.sleep(delay.toMillis());
        delay =
            delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : delay.multipliedBy(2);
      }
    }
  }

  private List<Parameter> parameters(OutputPlan plan) throws IOException {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : plan.parameters()) {
      Optional<String> read = Optional.empty();
      if (p.valueFrom() != null && p.valueFrom().path() != null) {
        String what = "output parameter '" + p.name() + "'";
        read =
            SafePaths.readString(var, "outputs/params/" + SafePaths.fileName(p.name(), what), what);
      }
      out.add(OutputCollector.outputParameter(p, read));
    }
    return out;
  }

  /** The code in an exit file; a file that holds none is a launcher failure. */
  private static int exitCode(String text) throws IOException {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IOException("the exit file holds no exit code: \"" + text.strip() + "\"");
    }
  }

  private List<Artifact> saveArtifacts(OutputPlan plan, String ns) throws IOException {
    List<Artifact> out = new ArrayList<>();
    for (OutputPlan.ArtifactOut a : plan.artifacts()) {
      String what = "output artifact '" + a.artifact().name() + "'";
      HostFile source =
          new HostFile(var, "outputs/artifacts/" + SafePaths.fileName(a.artifact().name(), what));
      if (!SafePaths.exists(source.base(), source.relative(), what)) {
        if (a.artifact().isOptional()) continue;
        throw new IOException(
            "failed to save output artifact '"
                + a.artifact().name()
                + "': open "
                + a.artifact().path()
                + ": no such file or directory");
      }
      if (!artifacts.save(ns, a.key(), source, a.raw())) {
        throw new IOException("failed to save " + what + ": it went away while being saved");
      }
      ObjectNode tree = (ObjectNode) Codec.tree(a.artifact());
      tree.remove(List.of("s3", "raw", "from", "fromExpression", "http", "git", "artifactory"));
      tree.putObject("s3").put("key", a.key());
      out.add(KubeStore.decodeValue(tree, Artifact.class));
    }
    return out;
  }

  private String need(String name) {
    String v = env.get(name);
    if (v == null || v.isEmpty()) throw new IllegalStateException(name + " is not set");
    return v;
  }

  static String trimmed(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
