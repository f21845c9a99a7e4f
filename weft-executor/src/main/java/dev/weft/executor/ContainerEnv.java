package dev.weft.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/** A container's clean starting environment, as a container image would provide it. */
final class ContainerEnv {
  static final String DEFAULT_PATH =
      ContainerFs.SHIM_PATH + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ContainerEnv() {}

  /** PATH, HOME and HOSTNAME, overridden by the spec's env. */
  static Map<String, String> of(ContainerSpec spec, String hostname) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", DEFAULT_PATH);
    env.put("HOME", "/root");
    env.put("HOSTNAME", hostname);
    env.putAll(spec.env());
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
