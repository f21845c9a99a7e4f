package dev.weft.controller.pod;

import dev.weft.controller.HostAccess;
import dev.weft.engine.Library;
import dev.weft.executor.SafePaths;
import dev.weft.model.ConfigMap;
import dev.weft.model.Names;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.spec.PvcTemplate;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.Volume;
import dev.weft.model.spec.WorkflowSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pod volumes as host directories: an emptyDir belongs to one pod; a claim (an existing PVC or one
 * from volumeClaimTemplates) is shared by every pod that mounts it; configMap and secret volumes
 * are written out as files under the pod's directory (secrets 0600), so they go with the pod. Every
 * name that becomes a path component is checked as Kubernetes checks it; a hostPath must be allowed
 * by {@link HostAccess}.
 */
final class PodVolumes {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path claimsRoot;
  private final Path podVolumes;
  private final Library lib;
  private final HostAccess hostAccess;

  PodVolumes(Path claimsRoot, Path podVolumes, Library lib, HostAccess hostAccess) {
    this.claimsRoot = claimsRoot;
    this.podVolumes = podVolumes;
    this.lib = lib;
    this.hostAccess = hostAccess;
  }

  Map<String, Path> resolve(Workflow wf, WorkflowSpec spec, Template t) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    String ns = label("namespace", wf.metadata().namespaceOrDefault());
    if (spec.volumeClaimTemplates() != null) {
      for (PvcTemplate pvc : spec.volumeClaimTemplates()) {
        String name = label("volumeClaimTemplates name", pvc.metadata().name());
        out.put(name, dir(claimsRoot.resolve(ns).resolve(wf.metadata().name() + "-" + name)));
      }
    }
    for (Volume v : concat(spec.volumes(), t.volumes())) {
      out.put(label("volume name", v.name()), volume(v, ns));
    }
    return out;
  }

  private Path volume(Volume v, String ns) throws IOException {
    if (v.emptyDir() != null) return dir(podVolumes.resolve(v.name()));
    if (v.persistentVolumeClaim() != null) {
      String claim =
          label("volume \"" + v.name() + "\" claimName", v.persistentVolumeClaim().claimName());
      return dir(claimsRoot.resolve(ns).resolve(claim));
    }
    if (v.configMap() != null) {
      ConfigMap cm = lib.configMap(v.configMap().name()).orElse(null);
      if (cm == null && !Boolean.TRUE.equals(v.configMap().optional())) {
        throw new IOException(
            "configmap \"" + v.configMap().name() + "\" for volume " + v.name() + " not found");
      }
      return files(v.name(), "configmap", cm == null ? Map.of() : cm.dataOrEmpty(), false);
    }
    if (v.secret() != null) {
      Secret s = lib.secret(v.secret().secretName()).orElse(null);
      if (s == null && !Boolean.TRUE.equals(v.secret().optional())) {
        throw new IOException(
            "secret \"" + v.secret().secretName() + "\" for volume " + v.name() + " not found");
      }
      return files(v.name(), "secret", s == null ? Map.of() : s.decoded(), true);
    }
    if (v.hostPath() != null && v.hostPath().hasNonNull("path")) {
      return hostAccess.hostPath(v.name(), v.hostPath().get("path").asText());
    }
    throw new IOException(
        "volume \""
            + v.name()
            + "\" has a type the local executor does not support"
            + " (supported: emptyDir, persistentVolumeClaim, configMap, secret, hostPath)");
  }

  /** A configMap's or secret's keys as files; a secret's are readable by their owner only. */
  private Path files(String name, String kind, Map<String, String> data, boolean secret)
      throws IOException {
    Path d = dir(podVolumes.resolve(name));
    for (var e : data.entrySet()) {
      Optional<String> bad = Names.configKey(e.getKey());
      if (bad.isPresent()) {
        throw new IOException("volume \"" + name + "\": " + kind + " key " + bad.get());
      }
      Path file = SafePaths.under(d, e.getKey(), "volume \"" + name + "\" " + kind + " key");
      Files.deleteIfExists(file);
      if (secret) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      Files.writeString(
          file,
          e.getValue(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    }
    return d;
  }

  private static String label(String what, String value) throws IOException {
    Optional<String> bad = Names.dns1123Label(value);
    if (bad.isPresent()) throw new IOException(what + " " + bad.get());
    return value;
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
