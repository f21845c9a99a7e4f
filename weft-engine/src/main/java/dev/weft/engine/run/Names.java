package dev.weft.engine.run;

import java.nio.charset.StandardCharsets;

/** Argo's node IDs and pod names: derived from node names with 32-bit FNV-1a, so stable. */
public final class Names {
  /**
   * Argo's util/pod_name.go: a Kubernetes name has at most 253 characters, the hash suffix takes
   * 10, and the prefix is cut at 253 - 10 - 1.
   */
  static final int MAX_PREFIX = 253 - 10 - 1;

  private Names() {}

  public static long fnv32a(String text) {
    long hash = 0x811c9dc5L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash = (hash * 0x01000193L) & 0xffffffffL;
    }
    return hash;
  }

  public static String nodeId(String workflowName, String nodeName) {
    if (workflowName.equals(nodeName)) return workflowName;
    return workflowName + "-" + fnv32a(nodeName);
  }

  /** Pod names, version 2: workflow name, template name and a hash of the node name. */
  public static String podName(String workflowName, String nodeName, String templateName) {
    if (workflowName.equals(nodeName)) return workflowName;
    String prefix = workflowName;
    if (templateName != null && !templateName.isEmpty()) prefix += "-" + templateName;
    if (prefix.length() > MAX_PREFIX) prefix = prefix.substring(0, MAX_PREFIX);
    return prefix + "-" + fnv32a(nodeName);
  }
}
