package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The downward API's field paths, for env ({@code fieldRef}) and downwardAPI volumes. */
final class FieldRefs {
  private static final Pattern MAP_KEY =
      Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");

  /** The address pods get: steps run on this machine and share its network. */
  static final String POD_IP = "127.0.0.1";

  private FieldRefs() {}

  static String value(Pod pod, String path, String nodeName) throws KubeletException {
    var meta = pod.getMetadata();
    Matcher key = MAP_KEY.matcher(path);
    if (key.matches()) {
      Map<String, String> map =
          key.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
      return map == null ? "" : map.getOrDefault(key.group(2), "");
    }
    return switch (path) {
      case "metadata.name" -> meta.getName();
      case "metadata.namespace" -> meta.getNamespace();
      case "metadata.uid" -> meta.getUid();
      case "metadata.labels" -> mapFile(meta.getLabels());
      case "metadata.annotations" -> mapFile(meta.getAnnotations());
      case "spec.nodeName" ->
          pod.getSpec().getNodeName() != null ? pod.getSpec().getNodeName() : nodeName;
      case "spec.serviceAccountName" -> orEmpty(pod.getSpec().getServiceAccountName(), "default");
      case "status.podIP", "status.podIPs", "status.hostIP", "status.hostIPs" -> POD_IP;
      default -> throw KubeletException.config("unsupported fieldRef fieldPath " + path);
    };
  }

  /** A whole label or annotation map as the downward API writes it: {@code k="v"} lines. */
  private static String mapFile(Map<String, String> map) {
    if (map == null) return "";
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "=\""
                        + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\"")
            .collect(Collectors.joining("\n"));
  }

  private static String orEmpty(String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }
}
