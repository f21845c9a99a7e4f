package dev.weft.kube.pods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.engine.action.Action;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.Volume;
import dev.weft.model.spec.WorkflowSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Pod for a node, in Argo's shape: its labels, annotations, owner reference and v2 name, so
 * Argo's tools recognise it. A template with nothing to collect runs as a lean pod, its containers
 * as the user wrote them; otherwise an init container installs the launcher, main runs under it,
 * and a wait container reports the outputs in a WorkflowTaskResult.
 */
public final class PodManifest {
  private PodManifest() {}

  public static ObjectNode build(
      Workflow wf, WorkflowSpec spec, Action.RunPod run, PodSettings settings) {
    Template t = run.template();
    String ns = wf.metadata().namespaceOrDefault();
    String uid = wf.metadata().uid() == null ? wf.metadata().name() : wf.metadata().uid();
    String main = mainContainer(t);
    OutputPlan outputs =
        OutputPlan.of(
            t,
            main,
            resultWanted(t, spec),
            (artifact, raw) ->
                ArtifactRepository.defaultKey(
                    wf.metadata().name(), uid, run.podName(), artifact, raw));
    boolean lean = lean(t, run, outputs);
    ObjectNode pod = Codec.json().createObjectNode();
    pod.put("apiVersion", "v1").put("kind", "Pod");
    pod.set("metadata", metadata(wf, spec, run, settings, lean, ns));
    ObjectNode podSpec = pod.putObject("spec");
    podSpec.put("restartPolicy", "Never");
    scheduling(podSpec, t, spec);
    PodContainers containers = new PodContainers(wf, run, settings, outputs);
    podSpec.set("volumes", volumes(wf, spec, t, lean, !run.inputArtifacts().isEmpty()));
    ArrayNode inits = podSpec.putArray("initContainers");
    ArrayNode ctrs = podSpec.putArray("containers");
    containers.fill(inits, ctrs, lean);
    if (inits.isEmpty()) podSpec.remove("initContainers");
    return pod;
  }

  /** The container whose outputs are the node's: main, else the last of a containerSet. */
  static String mainContainer(Template t) {
    if (t.containerSet() == null) return "main";
    var cs = t.containerSet().containers();
    for (var c : cs) if ("main".equals(c.name())) return "main";
    return cs.get(cs.size() - 1).name();
  }

  /**
   * Whether a step may read this node's result: conservatively, whether "result" appears anywhere
   * in the workflow (Argo too captures it only when referenced). A script's result is always kept.
   */
  static boolean resultWanted(Template t, WorkflowSpec spec) {
    return t.script() != null || Codec.toJson(spec).contains("result");
  }

  /** A pod with nothing to install, stage or collect runs its containers unwrapped. */
  static boolean lean(Template t, Action.RunPod run, OutputPlan outputs) {
    return t.container() != null
        && outputs.empty()
        && run.inputArtifacts().isEmpty()
        && t.sidecarsOrEmpty().isEmpty();
  }

  private static ObjectNode metadata(
      Workflow wf,
      WorkflowSpec spec,
      Action.RunPod run,
      PodSettings settings,
      boolean lean,
      String ns) {
    Template t = run.template();
    ObjectNode meta = Codec.json().createObjectNode();
    meta.put("name", run.podName()).put("namespace", ns);
    ObjectNode labels = meta.putObject("labels");
    ObjectNode annotations = meta.putObject("annotations");
    copy(spec.podMetadata(), labels, annotations);
    if (t.metadata() != null) copy(Codec.tree(t.metadata()), labels, annotations);
    labels.put("workflows.argoproj.io/workflow", wf.metadata().name());
    labels.put("workflows.argoproj.io/completed", "false");
    if (settings.instanceId() != null) {
      labels.put("workflows.argoproj.io/controller-instanceid", settings.instanceId());
    }
    annotations.put(PodProtocol.NODE_NAME_ANNOTATION, run.nodeName());
    annotations.put(PodProtocol.NODE_ID_ANNOTATION, run.nodeId());
    annotations.put("kubectl.kubernetes.io/default-container", mainContainer(t));
    if (lean) annotations.put(PodProtocol.LEAN_ANNOTATION, "true");
    ObjectNode owner = meta.putArray("ownerReferences").addObject();
    owner
        .put("apiVersion", "argoproj.io/v1alpha1")
        .put("kind", "Workflow")
        .put("name", wf.metadata().name())
        .put("uid", wf.metadata().uid())
        .put("controller", true)
        .put("blockOwnerDeletion", true);
    return meta;
  }

  private static void copy(JsonNode podMetadata, ObjectNode labels, ObjectNode annotations) {
    if (podMetadata == null) return;
    if (podMetadata.get("labels") instanceof ObjectNode l) labels.setAll(l);
    if (podMetadata.get("annotations") instanceof ObjectNode a) annotations.setAll(a);
  }

  /** Where and how the pod is scheduled: the template's settings, else the workflow's. */
  private static void scheduling(ObjectNode podSpec, Template t, WorkflowSpec spec) {
    ObjectNode s = (ObjectNode) Codec.tree(spec);
    ObjectNode tt = (ObjectNode) Codec.tree(t);
    for (String field :
        List.of(
            "nodeSelector",
            "affinity",
            "tolerations",
            "schedulerName",
            "priorityClassName",
            "serviceAccountName",
            "automountServiceAccountToken",
            "hostAliases",
            "securityContext")) {
      JsonNode value = tt.hasNonNull(field) ? tt.get(field) : s.get(field);
      if (value != null && !value.isNull()) podSpec.set(field, value);
    }
    for (String field :
        List.of("imagePullSecrets", "hostNetwork", "dnsPolicy", "dnsConfig", "priority")) {
      JsonNode value = s.get(field);
      if (value != null && !value.isNull()) podSpec.set(field, value);
    }
    if (t.activeDeadlineSeconds() != null) {
      try {
        podSpec.put("activeDeadlineSeconds", Long.parseLong(t.activeDeadlineSeconds().strip()));
      } catch (NumberFormatException e) {
        // a duration the engine already enforces; the pod gets none of its own
      }
    }
  }

  private static ArrayNode volumes(
      Workflow wf, WorkflowSpec spec, Template t, boolean lean, boolean inputs) {
    ArrayNode out = Codec.json().createArrayNode();
    Set<String> seen = new LinkedHashSet<>();
    if (!lean) {
      out.addObject().put("name", PodProtocol.VAR_VOLUME).putObject("emptyDir");
      seen.add(PodProtocol.VAR_VOLUME);
      if (inputs) {
        out.addObject().put("name", PodProtocol.INPUTS_VOLUME).putObject("emptyDir");
        seen.add(PodProtocol.INPUTS_VOLUME);
      }
    }
    if (spec.volumeClaimTemplates() != null) {
      for (var pvc : spec.volumeClaimTemplates()) {
        String name = pvc.metadata().name();
        if (!seen.add(name)) continue;
        out.addObject()
            .put("name", name)
            .putObject("persistentVolumeClaim")
            .put("claimName", claimName(wf, name));
      }
    }
    List<Volume> all = new ArrayList<>();
    if (t.volumes() != null) all.addAll(t.volumes());
    if (spec.volumes() != null) all.addAll(spec.volumes());
    for (Volume v : all) {
      if (seen.add(v.name())) out.add(Codec.tree(v));
    }
    return out;
  }

  /** Argo names a workflow's claims from volumeClaimTemplates {@code <workflow>-<name>}. */
  public static String claimName(Workflow wf, String template) {
    return wf.metadata().name() + "-" + template;
  }
}
