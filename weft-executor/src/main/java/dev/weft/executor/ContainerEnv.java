package dev.weft.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/** A container's clean starting environment, as a container image would provide it. */
final class ContainerEnv {
  static final String DEFAULT_PATH =
      ContainerFs.SHIM_PATH + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ContainerEnv() {}

  /** Kubernetes' rule for an environment variable's name. */
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  /**
   * PATH, HOME and HOSTNAME, overridden by the spec's env.
   *
   * @throws java.io.IOException for a name Kubernetes would refuse or a value holding a NUL
   */
  static Map<String, String> of(ContainerSpec spec, String hostname) throws java.io.IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", DEFAULT_PATH);
    env.put("HOME", "/root");
    env.put("HOSTNAME", hostname);
    for (Map.Entry<String, String> e : spec.env().entrySet()) {
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new java.io.IOException(
            "env \""
                + e.getKey()
                + "\" is not a valid variable name (letters, digits, '_', '-' and '.', not starting"
                + " with a digit)");
      }
      if (e.getValue() != null && e.getValue().indexOf('\0') >= 0) {
        throw new java.io.IOException("env " + e.getKey() + ": a value cannot hold a NUL byte");
      }
      env.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
    }
    return env;
  }

  /** A Linux hostname for a pod name: at most 63 characters of [A-Za-z0-9.-]. */
  static String hostname(String podName) {
    String name = podName.replaceAll("[^A-Za-z0-9.-]", "-");
    if (name.isEmpty()) {
      name = "pod";
    }
    return name.length() > 63 ? name.substring(0, 63) : name;
  }
}
