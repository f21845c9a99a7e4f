package dev.weft.kube.sim;

import static dev.weft.kube.sim.PodEnvironment.list;

import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod's volumes as host directories: emptyDir under the pod's directory; a PVC as one directory
 * per namespace and claim, shared by every pod that mounts it (the claim must exist); configMap,
 * secret, downwardAPI and projected volumes written out as files, once, when the pod starts (a real
 * kubelet refreshes them later; this one does not). Files are plain files, not Kubernetes' {@code
 * ..data} symlinks.
 */
final class VolumeFiles {
  /** A volume's host directory and whether Kubernetes always mounts it read-only. */
  record HostVolume(Path dir, boolean alwaysReadOnly) {}

  /** What a projected serviceAccountToken holds: no API server here checks tokens. */
  static final String DUMMY_TOKEN = "weft-sim-dummy-service-account-token";

  private static final int DEFAULT_MODE = 0644;

  private final KubernetesClient client;
  private final Path claimsRoot;

  VolumeFiles(KubernetesClient client, Path claimsRoot) {
    this.client = client;
    this.claimsRoot = claimsRoot;
  }

  /** The claims a pod needs that do not exist: it cannot be scheduled until they do. */
  List<String> missingClaims(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    return list(pod.getSpec().getVolumes()).stream()
        .filter(v -> v.getPersistentVolumeClaim() != null)
        .map(v -> v.getPersistentVolumeClaim().getClaimName())
        .filter(c -> client.persistentVolumeClaims().inNamespace(ns).withName(c).get() == null)
        .toList();
  }

  Map<String, HostVolume> materialise(Pod pod, Path volumesDir, PodEnvironment sources)
      throws KubeletException, IOException {
    Map<String, HostVolume> out = new LinkedHashMap<>();
    String ns = pod.getMetadata().getNamespace();
    for (Volume v : list(pod.getSpec().getVolumes())) {
      Path dir = volumesDir.resolve(v.getName());
      if (v.getEmptyDir() != null) {
        Files.createDirectories(dir);
        out.put(v.getName(), new HostVolume(dir, false));
      } else if (v.getPersistentVolumeClaim() != null) {
        Path claim = claimsRoot.resolve(ns).resolve(v.getPersistentVolumeClaim().getClaimName());
        Files.createDirectories(claim);
        out.put(
            v.getName(),
            new HostVolume(claim, Boolean.TRUE.equals(v.getPersistentVolumeClaim().getReadOnly())));
      } else if (v.getConfigMap() != null) {
        var cm = v.getConfigMap();
        Map<String, String> data =
            sources.configMapData(cm.getName(), Boolean.TRUE.equals(cm.getOptional()));
        fresh(dir);
        writeKeys(dir, data, cm.getItems(), mode(cm.getDefaultMode()), cm.getOptional());
        out.put(v.getName(), new HostVolume(dir, true));
      } else if (v.getSecret() != null) {
        var s = v.getSecret();
        Map<String, String> data =
            sources.secretData(s.getSecretName(), Boolean.TRUE.equals(s.getOptional()));
        fresh(dir);
        writeKeys(dir, data, s.getItems(), mode(s.getDefaultMode()), s.getOptional());
        out.put(v.getName(), new HostVolume(dir, true));
      } else if (v.getDownwardAPI() != null) {
        fresh(dir);
        int mode = mode(v.getDownwardAPI().getDefaultMode());
        for (DownwardAPIVolumeFile f : list(v.getDownwardAPI().getItems())) {
          writeDownward(pod, dir, f, mode);
        }
        out.put(v.getName(), new HostVolume(dir, true));
      } else if (v.getProjected() != null) {
        fresh(dir);
        int mode = mode(v.getProjected().getDefaultMode());
        for (VolumeProjection p : list(v.getProjected().getSources())) {
          project(pod, dir, p, mode, sources);
        }
        out.put(v.getName(), new HostVolume(dir, true));
      } else {
        // hostPath, csi, nfs...: not offered; a real kubelet would report FailedMount likewise.
        throw KubeletException.mount("volume \"" + v.getName() + "\": type not supported");
      }
    }
    return out;
  }

  private void project(Pod pod, Path dir, VolumeProjection p, int mode, PodEnvironment sources)
      throws KubeletException, IOException {
    if (p.getConfigMap() != null) {
      var cm = p.getConfigMap();
      writeKeys(
          dir,
          sources.configMapData(cm.getName(), Boolean.TRUE.equals(cm.getOptional())),
          cm.getItems(),
          mode,
          cm.getOptional());
    } else if (p.getSecret() != null) {
      var s = p.getSecret();
      writeKeys(
          dir,
          sources.secretData(s.getName(), Boolean.TRUE.equals(s.getOptional())),
          s.getItems(),
          mode,
          s.getOptional());
    } else if (p.getDownwardAPI() != null) {
      for (DownwardAPIVolumeFile f : list(p.getDownwardAPI().getItems())) {
        writeDownward(pod, dir, f, mode);
      }
    } else if (p.getServiceAccountToken() != null) {
      write(dir, p.getServiceAccountToken().getPath(), DUMMY_TOKEN, mode);
    } else {
      throw KubeletException.mount("projected source not supported: " + p);
    }
  }

  private void writeKeys(
      Path dir, Map<String, String> data, List<KeyToPath> items, int mode, Boolean optional)
      throws KubeletException, IOException {
    if (items == null || items.isEmpty()) {
      for (var e : data.entrySet()) write(dir, e.getKey(), e.getValue(), mode);
      return;
    }
    for (KeyToPath item : items) {
      String value = data.get(item.getKey());
      if (value == null) {
        if (Boolean.TRUE.equals(optional)) continue;
        throw KubeletException.mount(
            "configmap or secret references non-existent key " + item.getKey());
      }
      write(dir, item.getPath(), value, item.getMode() != null ? item.getMode() : mode);
    }
  }

  private static void writeDownward(Pod pod, Path dir, DownwardAPIVolumeFile f, int mode)
      throws KubeletException, IOException {
    String value;
    if (f.getFieldRef() != null) {
      value = FieldRefs.value(pod, f.getFieldRef().getFieldPath(), "");
    } else if (f.getResourceFieldRef() != null) {
      var ref = f.getResourceFieldRef();
      var c =
          pod.getSpec().getContainers().stream()
              .filter(x -> x.getName().equals(ref.getContainerName()))
              .findFirst()
              .orElseThrow(() -> KubeletException.mount("no container " + ref.getContainerName()));
      value = PodEnvironment.resource(c, ref.getResource(), ref.getDivisor());
    } else {
      throw KubeletException.mount("downwardAPI item " + f.getPath() + " has no source");
    }
    write(dir, f.getPath(), value, f.getMode() != null ? f.getMode() : mode);
  }

  private static void write(Path dir, String relative, String value, int mode)
      throws KubeletException, IOException {
    Path file = dir.resolve(relative).normalize();
    if (relative.startsWith("/") || !file.startsWith(dir)) {
      throw KubeletException.mount("volume item path " + relative + " leaves the volume");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, value);
    Files.setPosixFilePermissions(file, permissions(mode));
  }

  private static void fresh(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  private static int mode(Integer mode) {
    return mode == null ? DEFAULT_MODE : mode;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE
    };
    for (int i = 0; i < 9; i++) if ((mode & (1 << (8 - i))) != 0) out.add(order[i]);
    return out;
  }
}
