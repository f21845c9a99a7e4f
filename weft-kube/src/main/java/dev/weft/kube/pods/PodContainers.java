package dev.weft.kube.pods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.action.Action;
import dev.weft.executor.ImageProfiles;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Container;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.VolumeMount;
import java.util.ArrayList;
import java.util.List;

/** The containers of a step pod, wrapped by the launcher unless the pod is lean. */
final class PodContainers {
  private final Workflow wf;
  private final Action.RunPod run;
  private final Template t;
  private final PodSettings settings;
  private final OutputPlan outputs;

  PodContainers(Workflow wf, Action.RunPod run, PodSettings settings, OutputPlan outputs) {
    this.wf = wf;
    this.run = run;
    this.t = run.template();
    this.settings = settings;
    this.outputs = outputs;
  }

  void fill(ArrayNode inits, ArrayNode containers, boolean lean) {
    if (!lean) {
      inits.add(installer());
      if (!run.inputArtifacts().isEmpty()) inits.add(artifactFetcher());
      containers.add(waiter());
    }
    int i = 0;
    for (Container c : t.initContainersOrEmpty()) {
      inits.add(user(c, nameOr(c, "init-" + i++), mirrored(c), false, List.of()));
    }
    List<String> mains = new ArrayList<>();
    if (t.containerSet() != null) {
      List<VolumeMount> shared =
          t.containerSet().volumeMounts() == null ? List.of() : t.containerSet().volumeMounts();
      for (Container c : t.containerSet().containers()) {
        containers.add(wrap(user(c, c.name(), shared, true, c.dependenciesOrEmpty()), c, false));
        mains.add(c.name());
      }
    } else {
      Container c = t.container() != null ? t.container() : t.script();
      ObjectNode main = user(c, "main", List.of(), true, List.of());
      containers.add(lean ? main : wrap(main, c, false));
      mains.add("main");
    }
    i = 0;
    for (Container c : t.sidecarsOrEmpty()) {
      ObjectNode sidecar = user(c, nameOr(c, "sidecar-" + i++), mirrored(c), false, List.of());
      ArrayNode flags = Codec.json().createArrayNode().add("--sidecar");
      for (String m : mains) flags.add("--main").add(m);
      containers.add(lean ? sidecar : launched(sidecar, c, flags));
    }
  }

  /** A user's container as Kubernetes takes it, with Argo's variables and the pod's inputs. */
  private ObjectNode user(
      Container c, String name, List<VolumeMount> extra, boolean main, List<String> after) {
    ObjectNode out = (ObjectNode) Codec.tree(c);
    out.remove(List.of("source", "dependencies", "mirrorVolumeMounts"));
    out.put("name", name);
    if (t.script() != null && main && out.has("args")) out.remove("args");
    ArrayNode env = out.has("env") ? (ArrayNode) out.get("env") : out.putArray("env");
    env.insertObject(0)
        .put("name", PodProtocol.ENV_POD_NAME)
        .putObject("valueFrom")
        .putObject("fieldRef")
        .put("fieldPath", "metadata.name");
    env.insertObject(1)
        .put("name", PodProtocol.ENV_WORKFLOW_NAME)
        .put("value", wf.metadata().name());
    ArrayNode mounts = Codec.json().createArrayNode();
    for (VolumeMount vm : extra) mounts.add(Codec.tree(vm));
    if (out.get("volumeMounts") instanceof ArrayNode own) mounts.addAll(own);
    if (main) {
      for (Artifact a : run.inputArtifacts()) {
        if (a.path() == null) continue;
        mounts
            .addObject()
            .put("name", PodProtocol.INPUTS_VOLUME)
            .put("mountPath", a.path())
            .put("subPath", a.name());
      }
    }
    if (!mounts.isEmpty()) out.set("volumeMounts", mounts);
    if (!after.isEmpty()) out.putArray("weftAfter").addAll(strings(after));
    return out;
  }

  /** main under the launcher: it refuses a second start and hands the outputs over. */
  private ObjectNode wrap(ObjectNode container, Container c, boolean sidecar) {
    ArrayNode flags = Codec.json().createArrayNode();
    String name = container.get("name").asText();
    JsonNode after = container.remove("weftAfter");
    if (after != null) for (JsonNode a : after) flags.add("--after").add(a.asText());
    if (name.equals(outputs.container())) {
      for (var p : outputs.parameters()) {
        if (p.valueFrom() != null && p.valueFrom().path() != null) {
          flags.add("--param").add(p.name() + "=" + p.valueFrom().path());
        }
      }
      for (var a : outputs.artifacts()) {
        flags.add("--artifact").add(a.artifact().name() + "=" + a.artifact().path());
      }
    }
    return launched(container, c, flags);
  }

  private ObjectNode launched(ObjectNode container, Container c, ArrayNode flags) {
    ArrayNode command = Codec.json().createArrayNode();
    command.add(PodProtocol.LAUNCHER).add("run").add("--name").add(container.get("name").asText());
    command.addAll(flags);
    command.add("--");
    List<String> argv = new ArrayList<>(c.commandOrEmpty());
    if (argv.isEmpty()) argv.addAll(entrypoint(c.image()));
    if (t.script() != null && c == t.script()) argv.add(PodProtocol.SCRIPT);
    else argv.addAll(c.argsOrEmpty());
    command.addAll(strings(argv));
    container.set("command", command);
    container.remove("args");
    ArrayNode mounts =
        container.has("volumeMounts")
            ? (ArrayNode) container.get("volumeMounts")
            : container.putArray("volumeMounts");
    mounts.addObject().put("name", PodProtocol.VAR_VOLUME).put("mountPath", PodProtocol.VAR);
    return container;
  }

  /**
   * A wrapped container without a command runs its image's entrypoint, which the controller must
   * know: from the images config, else the images Weft knows; else the pod cannot be built.
   */
  private List<String> entrypoint(String image) {
    var configured = settings.entrypoints().get(image);
    if (configured != null) return configured;
    var known = ImageProfiles.inTempDir().profileFor(image).entrypoint();
    if (!known.isEmpty()) return known;
    throw new IllegalArgumentException(
        "cannot find the entrypoint of image "
            + image
            + ": give the container a command, or add the image to the controller's images"
            + " config");
  }

  private ObjectNode installer() {
    ObjectNode c = executor("init");
    c.putArray("command")
        .add(PodProtocol.LAUNCHER_IN_IMAGE)
        .add("install")
        .add(PodProtocol.VAR + "/bin");
    ArrayNode env = c.putArray("env");
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", PodProtocol.VAR_VOLUME).put("mountPath", PodProtocol.VAR);
    if (t.script() != null) {
      env.addObject().put("name", "WEFT_SCRIPT").put("value", nullToEmpty(t.script().source()));
      env.addObject().put("name", "WEFT_SCRIPT_PATH").put("value", PodProtocol.SCRIPT);
    }
    return c;
  }

  private ObjectNode artifactFetcher() {
    ObjectNode c = executor("init-artifacts");
    c.putArray("command").add("weft").add("executor").add("init-artifacts");
    ArrayNode env = c.putArray("env");
    common(env);
    env.addObject()
        .put("name", PodProtocol.ENV_INPUTS)
        .put("value", Codec.toJson(run.inputArtifacts()));
    c.putArray("volumeMounts")
        .addObject()
        .put("name", PodProtocol.INPUTS_VOLUME)
        .put("mountPath", PodProtocol.INPUTS);
    return c;
  }

  private ObjectNode waiter() {
    ObjectNode c = executor("wait");
    c.putArray("command").add("weft").add("executor").add("wait");
    ArrayNode env = c.putArray("env");
    common(env);
    env.addObject().put("name", PodProtocol.ENV_OUTPUTS).put("value", Codec.toJson(outputs));
    c.putArray("volumeMounts")
        .addObject()
        .put("name", PodProtocol.VAR_VOLUME)
        .put("mountPath", PodProtocol.VAR);
    return c;
  }

  private void common(ArrayNode env) {
    env.addObject().put("name", PodProtocol.ENV_NODE_ID).put("value", run.nodeId());
    env.addObject().put("name", PodProtocol.ENV_WORKFLOW_NAME).put("value", wf.metadata().name());
    env.addObject()
        .put("name", PodProtocol.ENV_WORKFLOW_UID)
        .put("value", nullToEmpty(wf.metadata().uid()));
    env.addObject()
        .put("name", PodProtocol.ENV_NAMESPACE)
        .putObject("valueFrom")
        .putObject("fieldRef")
        .put("fieldPath", "metadata.namespace");
    env.addObject()
        .put("name", PodProtocol.ENV_POD_NAME)
        .putObject("valueFrom")
        .putObject("fieldRef")
        .put("fieldPath", "metadata.name");
    if (settings.instanceId() != null) {
      env.addObject().put("name", PodProtocol.ENV_INSTANCE_ID).put("value", settings.instanceId());
    }
    if (settings.artifactRepository() != null) {
      env.addObject()
          .put("name", PodProtocol.ENV_REPOSITORY)
          .put("value", settings.artifactRepository());
    }
    for (PodSettings.SecretKey s : settings.credentials()) {
      env.addObject()
          .put("name", dev.weft.kube.exec.Repositories.secretEnv(s.name(), s.key()))
          .putObject("valueFrom")
          .putObject("secretKeyRef")
          .put("name", s.name())
          .put("key", s.key());
    }
  }

  private ObjectNode executor(String name) {
    ObjectNode c = Codec.json().createObjectNode();
    c.put("name", name).put("image", settings.executorImage());
    return c;
  }

  private List<VolumeMount> mirrored(Container c) {
    if (!Boolean.TRUE.equals(c.mirrorVolumeMounts())) return List.of();
    Container main = t.container() != null ? t.container() : t.script();
    return main == null ? List.of() : main.volumeMountsOrEmpty();
  }

  private static String nameOr(Container c, String fallback) {
    return c.name() == null || c.name().isBlank() ? fallback : c.name();
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode out = Codec.json().createArrayNode();
    values.forEach(out::add);
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
