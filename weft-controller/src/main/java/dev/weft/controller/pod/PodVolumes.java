package dev.weft.controller.pod;

import dev.weft.engine.Library;
import dev.weft.model.ConfigMap;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.spec.PvcTemplate;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.Volume;
import dev.weft.model.spec.WorkflowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod volumes as host directories: an emptyDir belongs to one pod; a claim (an existing PVC or one
 * from volumeClaimTemplates) is shared by every pod that mounts it; configMap and secret volumes
 * are written out as files.
 */
final class PodVolumes {
  private final Path claimsRoot;
  private final Path podVolumes;
  private final Library lib;

  PodVolumes(Path claimsRoot, Path podVolumes, Library lib) {
    this.claimsRoot = claimsRoot;
    this.podVolumes = podVolumes;
    this.lib = lib;
  }

  Map<String, Path> resolve(Workflow wf, WorkflowSpec spec, Template t) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    String ns = wf.metadata().namespaceOrDefault();
    if (spec.volumeClaimTemplates() != null) {
      for (PvcTemplate pvc : spec.volumeClaimTemplates()) {
        String name = pvc.metadata().name();
        out.put(name, dir(claimsRoot.resolve(ns).resolve(wf.metadata().name() + "-" + name)));
      }
    }
    for (Volume v : concat(spec.volumes(), t.volumes())) out.put(v.name(), volume(v, ns));
    return out;
  }

  private Path volume(Volume v, String ns) throws IOException {
    if (v.emptyDir() != null) return dir(podVolumes.resolve(v.name()));
    if (v.persistentVolumeClaim() != null) {
      return dir(claimsRoot.resolve(ns).resolve(v.persistentVolumeClaim().claimName()));
    }
    if (v.configMap() != null) {
      ConfigMap cm = lib.configMap(v.configMap().name()).orElse(null);
      if (cm == null && !Boolean.TRUE.equals(v.configMap().optional())) {
        throw new IOException(
            "configmap \"" + v.configMap().name() + "\" for volume " + v.name() + " not found");
      }
      return files(v.name(), cm == null ? Map.of() : cm.dataOrEmpty());
    }
    if (v.secret() != null) {
      Secret s = lib.secret(v.secret().secretName()).orElse(null);
      if (s == null && !Boolean.TRUE.equals(v.secret().optional())) {
        throw new IOException(
            "secret \"" + v.secret().secretName() + "\" for volume " + v.name() + " not found");
      }
      return files(v.name(), s == null ? Map.of() : s.decoded());
    }
    if (v.hostPath() != null && v.hostPath().hasNonNull("path")) {
      return Path.of(v.hostPath().get("path").asText());
    }
    throw new IOException(
        "volume \""
            + v.name()
            + "\" has a type the local executor does not support"
            + " (supported: emptyDir, persistentVolumeClaim, configMap, secret, hostPath)");
  }

  private Path files(String name, Map<String, String> data) throws IOException {
    Path d = dir(podVolumes.resolve(name));
    for (var e : data.entrySet()) Files.writeString(d.resolve(e.getKey()), e.getValue());
    return d;
  }

  private static Path dir(Path p) throws IOException {
    Files.createDirectories(p);
    return p;
  }

  private static List<Volume> concat(List<Volume> a, List<Volume> b) {
    List<Volume> out = new java.util.ArrayList<>();
    if (a != null) out.addAll(a);
    if (b != null) out.addAll(b);
    return out;
  }
}
