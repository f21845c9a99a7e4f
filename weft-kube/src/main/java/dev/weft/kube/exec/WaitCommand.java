package dev.weft.kube.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.executor.Logs;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    Path ctr = var.resolve("ctr").resolve(plan.container());
    Path exit = ctr.resolve("exit");
    while (!Files.exists(exit)) Thread.sleep(20);
    System.err.println("wait: " + plan.container() + " ended; collecting its outputs");
    int code = Integer.parseInt(Files.readString(exit).strip());
    ObjectNode report = Codec.json().createObjectNode();
    String result =
        plan.resultWanted() && Files.exists(ctr.resolve("stdout"))
            ? trimmed(Logs.readTail(ctr.resolve("stdout"), RESULT_LIMIT))
            : null;
    try {
      Path error = ctr.resolve("error");
      if (code == 0 && Files.exists(error, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(Files.readString(error).strip());
      }
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
      String value = p.value();
      var vf = p.valueFrom();
      if (vf != null && vf.path() != null) {
        Path file = var.resolve("outputs").resolve("params").resolve(p.name());
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          value = trimmed(Files.readString(file, StandardCharsets.UTF_8));
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
      out.add(new Parameter(p.name(), null, value, null, p.globalName(), null, null));
    }
    return out;
  }

  private List<Artifact> saveArtifacts(OutputPlan plan, String ns) throws IOException {
    List<Artifact> out = new ArrayList<>();
    for (OutputPlan.ArtifactOut a : plan.artifacts()) {
      Path source = var.resolve("outputs").resolve("artifacts").resolve(a.artifact().name());
      if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        if (a.artifact().isOptional()) continue;
        throw new IOException(
            "failed to save output artifact '"
                + a.artifact().name()
                + "': open "
                + a.artifact().path()
                + ": no such file or directory");
      }
      artifacts.save(ns, a.key(), source, a.raw());
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
