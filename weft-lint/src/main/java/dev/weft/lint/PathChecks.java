package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ConfigMap;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Names;
import dev.weft.model.Resource;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Container;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.Volume;
import dev.weft.model.spec.VolumeMount;
import dev.weft.model.spec.WorkflowSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names that Weft turns into host paths, checked as Kubernetes checks them (the controller checks
 * them again at run time, with the same {@link Names} rules): namespaces, volume and claim names,
 * ConfigMap and Secret keys, artifact keys and subPaths.
 */
final class PathChecks {
  private PathChecks() {}

  static void check(Resource resource, Reporter report) {
    if (resource.metadata() != null && resource.metadata().namespace() != null) {
      label(report, "/metadata/namespace", resource.metadata().namespace());
    }
    switch (resource) {
      case ConfigMap c -> keys(report, "/data", c.data());
      case Secret s -> {
        keys(report, "/data", s.data());
        keys(report, "/stringData", s.stringData());
      }
      case Workflow w -> spec(report, w.spec(), "/spec");
      case WorkflowTemplate t -> spec(report, t.spec(), "/spec");
      case ClusterWorkflowTemplate t -> spec(report, t.spec(), "/spec");
      case CronWorkflow c -> {
        if (c.spec() != null) spec(report, c.spec().workflowSpec(), "/spec/workflowSpec");
      }
      default -> {}
    }
  }

  private static void spec(Reporter report, WorkflowSpec spec, String at) {
    if (spec == null) return;
    volumes(report, spec.volumes(), child(at, "volumes"));
    var claims = spec.volumeClaimTemplates();
    for (int i = 0; claims != null && i < claims.size(); i++) {
      if (claims.get(i).metadata() != null) {
        label(
            report,
            child(child(child(at, "volumeClaimTemplates"), i), "metadata") + "/name",
            claims.get(i).metadata().name());
      }
    }
    artifacts(report, spec.argumentsOrEmpty().artifactsOrEmpty(), at + "/arguments/artifacts");
    List<Template> templates = spec.templatesOrEmpty();
    for (int i = 0; i < templates.size(); i++) {
      template(report, templates.get(i), child(child(at, "templates"), i));
    }
  }

  private static void template(Reporter report, Template t, String at) {
    volumes(report, t.volumes(), child(at, "volumes"));
    artifacts(report, t.inputsOrEmpty().artifactsOrEmpty(), at + "/inputs/artifacts");
    artifacts(report, t.outputsOrEmpty().artifactsOrEmpty(), at + "/outputs/artifacts");
    if (t.container() != null) mounts(report, t.container(), child(at, "container"));
    if (t.script() != null) mounts(report, t.script(), child(at, "script"));
    containers(report, t.initContainersOrEmpty(), child(at, "initContainers"));
    containers(report, t.sidecarsOrEmpty(), child(at, "sidecars"));
    if (t.containerSet() != null) {
      String set = child(at, "containerSet");
      mounts(report, t.containerSet().volumeMounts(), child(set, "volumeMounts"));
      containers(report, t.containerSet().containers(), child(set, "containers"));
    }
  }

  private static void containers(Reporter report, List<Container> cs, String at) {
    for (int i = 0; cs != null && i < cs.size(); i++) mounts(report, cs.get(i), child(at, i));
  }

  private static void mounts(Reporter report, Container c, String at) {
    mounts(report, c.volumeMounts(), child(at, "volumeMounts"));
  }

  private static void mounts(Reporter report, List<VolumeMount> ms, String at) {
    for (int i = 0; ms != null && i < ms.size(); i++) {
      VolumeMount m = ms.get(i);
      label(report, child(child(at, i), "name"), m.name());
      if (m.subPath() != null && !m.subPath().isEmpty()) {
        path(report, child(child(at, i), "subPath"), m.subPath(), false);
      }
    }
  }

  private static void volumes(Reporter report, List<Volume> vs, String at) {
    for (int i = 0; vs != null && i < vs.size(); i++) {
      Volume v = vs.get(i);
      label(report, child(child(at, i), "name"), v.name());
      if (v.persistentVolumeClaim() != null) {
        label(
            report,
            child(child(child(at, i), "persistentVolumeClaim"), "claimName"),
            v.persistentVolumeClaim().claimName());
      }
    }
  }

  private static void artifacts(Reporter report, List<Artifact> as, String at) {
    for (int i = 0; i < as.size(); i++) {
      Artifact a = as.get(i);
      if (a.subPath() != null && !a.subPath().isEmpty()) {
        path(report, child(child(at, i), "subPath"), a.subPath(), false);
      }
      if (a.s3() != null && a.s3().hasNonNull("key")) {
        path(report, child(child(child(at, i), "s3"), "key"), a.s3().get("key").asText(), true);
      }
    }
  }

  private static void keys(Reporter report, String at, Map<String, String> data) {
    if (data == null) return;
    for (String key : data.keySet()) {
      Names.configKey(key).ifPresent(m -> report.error(child(at, key), "key " + m));
    }
  }

  private static void label(Reporter report, String at, String value) {
    if (value == null || Tag.hasTags(value)) return;
    Optional<String> bad = Names.dns1123Label(value);
    bad.ifPresent(m -> report.error(at, m));
  }

  private static void path(Reporter report, String at, String value, boolean key) {
    if (Tag.hasTags(value)) return;
    Names.relativePath(value, key).ifPresent(m -> report.error(at, m));
  }
}
