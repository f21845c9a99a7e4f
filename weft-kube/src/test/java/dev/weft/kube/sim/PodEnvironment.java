package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet builds it: {@code envFrom} first, then {@code env} (a
 * later entry wins), {@code $(VAR)} in a {@code value} expanded from the entries before it, and the
 * {@code valueFrom} sources. ConfigMaps and Secrets are read from the API when the container is
 * created, as a kubelet reads them.
 */
final class PodEnvironment {
  private static final Pattern NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private final KubernetesClient client;
  private final Pod pod;
  private final String nodeName;

  PodEnvironment(KubernetesClient client, Pod pod, String nodeName) {
    this.client = client;
    this.pod = pod;
    this.nodeName = nodeName;
  }

  Map<String, String> of(Container c) throws KubeletException {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : list(c.getEnvFrom())) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      Map<String, String> data;
      if (from.getConfigMapRef() != null) {
        var ref = from.getConfigMapRef();
        data = configMapData(ref.getName(), Boolean.TRUE.equals(ref.getOptional()));
      } else if (from.getSecretRef() != null) {
        var ref = from.getSecretRef();
        data = secretData(ref.getName(), Boolean.TRUE.equals(ref.getOptional()));
      } else {
        continue;
      }
      // Keys that are not valid names are skipped (the kubelet records an event for them).
      data.forEach(
          (k, v) -> {
            if (NAME.matcher(prefix + k).matches()) env.put(prefix + k, v);
          });
    }
    for (EnvVar v : list(c.getEnv())) {
      if (v.getValueFrom() == null) {
        env.put(v.getName(), expand(v.getValue() == null ? "" : v.getValue(), env));
      } else {
        Optional<String> value = valueFrom(c, v.getName(), v.getValueFrom());
        if (value.isPresent()) env.put(v.getName(), value.get());
      }
    }
    return env;
  }

  private Optional<String> valueFrom(Container c, String name, EnvVarSource src)
      throws KubeletException {
    if (src.getFieldRef() != null) {
      return Optional.of(FieldRefs.value(pod, src.getFieldRef().getFieldPath(), nodeName));
    }
    if (src.getResourceFieldRef() != null) {
      return Optional.of(
          resource(
              c, src.getResourceFieldRef().getResource(), src.getResourceFieldRef().getDivisor()));
    }
    if (src.getConfigMapKeyRef() != null) {
      var ref = src.getConfigMapKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      String value = configMapData(ref.getName(), optional).get(ref.getKey());
      if (value == null && !optional) {
        throw KubeletException.config(
            "couldn't find key " + ref.getKey() + " in ConfigMap " + ns() + "/" + ref.getName());
      }
      return Optional.ofNullable(value);
    }
    if (src.getSecretKeyRef() != null) {
      var ref = src.getSecretKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      String value = secretData(ref.getName(), optional).get(ref.getKey());
      if (value == null && !optional) {
        throw KubeletException.config(
            "couldn't find key " + ref.getKey() + " in Secret " + ns() + "/" + ref.getName());
      }
      return Optional.ofNullable(value);
    }
    throw KubeletException.config("env " + name + ": unsupported valueFrom");
  }

  /** {@code limits.memory}, {@code requests.cpu} and so on; a missing limit reads as 0 here. */
  static String resource(Container c, String resource, Quantity divisor) {
    String[] parts = resource.split("\\.", 2);
    var r = c.getResources();
    Map<String, Quantity> source =
        r == null ? Map.of() : parts[0].equals("limits") ? r.getLimits() : r.getRequests();
    Quantity q = source == null ? null : source.get(parts.length > 1 ? parts[1] : "");
    if (q == null) return "0";
    BigDecimal amount = q.getNumericalAmount();
    BigDecimal by = divisor == null ? BigDecimal.ONE : divisor.getNumericalAmount();
    // The kubelet rounds up, so a 500m cpu limit reads as 1 core.
    return amount.divide(by, 0, RoundingMode.CEILING).toPlainString();
  }

  Map<String, String> configMapData(String name, boolean optional) throws KubeletException {
    ConfigMap cm = client.configMaps().inNamespace(ns()).withName(name).get();
    if (cm == null) {
      if (optional) return Map.of();
      throw KubeletException.config("configmap \"" + name + "\" not found");
    }
    Map<String, String> out = new TreeMap<>();
    if (cm.getBinaryData() != null) {
      cm.getBinaryData().forEach((k, v) -> out.put(k, decode(v)));
    }
    if (cm.getData() != null) out.putAll(cm.getData());
    return out;
  }

  Map<String, String> secretData(String name, boolean optional) throws KubeletException {
    Secret s = client.secrets().inNamespace(ns()).withName(name).get();
    if (s == null) {
      if (optional) return Map.of();
      throw KubeletException.config("secret \"" + name + "\" not found");
    }
    Map<String, String> out = new TreeMap<>();
    // A real API server folds stringData into data on write; the mock keeps it apart.
    if (s.getStringData() != null) out.putAll(s.getStringData());
    if (s.getData() != null) s.getData().forEach((k, v) -> out.put(k, decode(v)));
    return out;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private String ns() {
    return pod.getMetadata().getNamespace();
  }

  /**
   * Kubernetes' {@code $(VAR)} expansion: a defined VAR is replaced, an undefined one is left as
   * written, and {@code $$} is an escaped {@code $}.
   */
  static String expand(String input, Map<String, String> vars) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < input.length()) {
      char ch = input.charAt(i);
      if (ch != '$' || i + 1 >= input.length()) {
        out.append(ch);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(') {
        int close = input.indexOf(')', i + 2);
        if (close < 0) {
          out.append(input, i, input.length());
          break;
        }
        String name = input.substring(i + 2, close);
        String value = vars.get(name);
        out.append(value != null ? value : "$(" + name + ")");
        i = close + 1;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }

  static List<String> expandAll(List<String> items, Map<String, String> vars) {
    return list(items).stream().map(s -> expand(s, vars)).toList();
  }

  static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
