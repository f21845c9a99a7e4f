package dev.weft.model.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Weft does with a pod's or container's {@code securityContext}, as a pure check shared by the
 * linter and the pod planner: settings Pod Security Baseline refuses (run only when the operator
 * passes {@code --allow-privileged}) and settings the sandbox cannot honour (never run). Everything
 * else is honoured: users, groups, capabilities, read-only root, seccomp RuntimeDefault, no
 * privilege escalation.
 */
public final class SecurityContextRules {
  private SecurityContextRules() {}

  /** Why a setting is refused. */
  public enum Kind {
    /** Pod Security Baseline refuses it; the operator may allow it with --allow-privileged. */
    BASELINE,
    /** The sandbox cannot do it; the step does not run. */
    UNSUPPORTED
  }

  /** A refused setting at {@code pointer} (a JSON pointer inside the securityContext). */
  public record Violation(String pointer, Kind kind, String message) {}

  /** The highest user or group id a sandbox maps. */
  public static final long MAX_ID = 65_535;

  /** The capabilities Pod Security Baseline lets a container add. */
  public static final Set<String> BASELINE_ADDABLE =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  static final Set<String> KNOWN_CAPABILITIES =
      Set.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "KILL",
          "SETGID",
          "SETUID",
          "SETPCAP",
          "LINUX_IMMUTABLE",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_ADMIN",
          "NET_RAW",
          "IPC_LOCK",
          "IPC_OWNER",
          "SYS_MODULE",
          "SYS_RAWIO",
          "SYS_CHROOT",
          "SYS_PTRACE",
          "SYS_PACCT",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_NICE",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "MKNOD",
          "LEASE",
          "AUDIT_WRITE",
          "AUDIT_CONTROL",
          "SETFCAP",
          "MAC_OVERRIDE",
          "MAC_ADMIN",
          "SYSLOG",
          "WAKE_ALARM",
          "BLOCK_SUSPEND",
          "AUDIT_READ",
          "PERFMON",
          "BPF",
          "CHECKPOINT_RESTORE");

  /** A capability's name without the {@code CAP_} prefix, upper case. */
  public static String capabilityName(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }

  /** The refused settings of a pod-level securityContext (a workflow's or a template's). */
  public static List<Violation> pod(JsonNode context) {
    List<Violation> out = new ArrayList<>();
    if (context == null || !context.isObject()) return out;
    common(context, out);
    id(context, "fsGroup", out);
    JsonNode groups = context.path("supplementalGroups");
    for (int i = 0; i < groups.size(); i++) {
      idValue(groups.get(i), "/supplementalGroups/" + i, out);
    }
    if (context.path("sysctls").size() > 0) {
      out.add(
          new Violation(
              "/sysctls",
              Kind.UNSUPPORTED,
              "sysctls cannot be set: steps share the host's kernel settings"));
    }
    return out;
  }

  /** The refused settings of a container's securityContext. */
  public static List<Violation> container(JsonNode context) {
    List<Violation> out = new ArrayList<>();
    if (context == null || !context.isObject()) return out;
    common(context, out);
    if (context.path("privileged").asBoolean(false)) {
      out.add(
          new Violation(
              "/privileged",
              Kind.BASELINE,
              "privileged containers are refused (Pod Security Baseline)"));
    }
    JsonNode add = context.path("capabilities").path("add");
    for (int i = 0; i < add.size(); i++) {
      String name = capabilityName(add.get(i).asText());
      String at = "/capabilities/add/" + i;
      if (name.equals("ALL") || KNOWN_CAPABILITIES.contains(name)) {
        if (!BASELINE_ADDABLE.contains(name)) {
          out.add(
              new Violation(
                  at,
                  Kind.BASELINE,
                  "adding capability "
                      + name
                      + " is refused (Pod Security Baseline allows adding only "
                      + String.join(", ", BASELINE_ADDABLE.stream().sorted().toList())
                      + ")"));
        }
      } else {
        out.add(new Violation(at, Kind.UNSUPPORTED, "unknown capability \"" + name + "\""));
      }
    }
    JsonNode drop = context.path("capabilities").path("drop");
    for (int i = 0; i < drop.size(); i++) {
      String name = capabilityName(drop.get(i).asText());
      if (!name.equals("ALL") && !KNOWN_CAPABILITIES.contains(name)) {
        out.add(
            new Violation(
                "/capabilities/drop/" + i,
                Kind.UNSUPPORTED,
                "unknown capability \"" + name + "\""));
      }
    }
    String procMount = context.path("procMount").asText("Default");
    if (!procMount.equals("Default")) {
      out.add(
          new Violation(
              "/procMount",
              Kind.BASELINE,
              "procMount " + procMount + " is refused (Pod Security Baseline allows Default)"));
    }
    return out;
  }

  /**
   * The message that refuses a container whose {@code runAsNonRoot} holds while it would run as
   * root, or empty; the pod's and the container's contexts merged as Kubernetes merges them.
   */
  public static java.util.Optional<String> runAsNonRootViolation(JsonNode pod, JsonNode container) {
    boolean nonRoot = field(pod, container, "runAsNonRoot").asBoolean(false);
    long uid = field(pod, container, "runAsUser").asLong(0);
    if (nonRoot && uid == 0) {
      return java.util.Optional.of(
          "container has runAsNonRoot and image will run as root (set a non-zero runAsUser)");
    }
    return java.util.Optional.empty();
  }

  /** The container's setting if it has one, else the pod's. */
  public static JsonNode field(JsonNode pod, JsonNode container, String name) {
    if (container != null && container.hasNonNull(name)) return container.get(name);
    if (pod != null && pod.hasNonNull(name)) return pod.get(name);
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static void common(JsonNode context, List<Violation> out) {
    id(context, "runAsUser", out);
    id(context, "runAsGroup", out);
    if (context.path("seLinuxOptions").size() > 0) {
      out.add(
          new Violation(
              "/seLinuxOptions", Kind.UNSUPPORTED, "SELinux labels cannot be applied to steps"));
    }
    String seccomp = context.path("seccompProfile").path("type").asText("RuntimeDefault");
    switch (seccomp) {
      case "RuntimeDefault" -> {}
      case "Unconfined" ->
          out.add(
              new Violation(
                  "/seccompProfile/type",
                  Kind.BASELINE,
                  "seccompProfile Unconfined is refused (Pod Security Baseline)"));
      default ->
          out.add(
              new Violation(
                  "/seccompProfile/type",
                  Kind.UNSUPPORTED,
                  "seccompProfile "
                      + seccomp
                      + " cannot be loaded; steps run under RuntimeDefault or, if allowed,"
                      + " Unconfined"));
    }
    String appArmor = context.path("appArmorProfile").path("type").asText("RuntimeDefault");
    switch (appArmor) {
      case "RuntimeDefault" -> {}
      case "Unconfined" ->
          out.add(
              new Violation(
                  "/appArmorProfile/type",
                  Kind.BASELINE,
                  "appArmorProfile Unconfined is refused (Pod Security Baseline)"));
      default ->
          out.add(
              new Violation(
                  "/appArmorProfile/type",
                  Kind.UNSUPPORTED,
                  "appArmorProfile " + appArmor + " cannot be applied to steps"));
    }
  }

  private static void id(JsonNode context, String field, List<Violation> out) {
    if (context.has(field)) idValue(context.get(field), "/" + field, out);
  }

  private static void idValue(JsonNode value, String pointer, List<Violation> out) {
    if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_ID) {
      out.add(
          new Violation(
              pointer,
              Kind.UNSUPPORTED,
              pointer.substring(1)
                  + " "
                  + value.asText()
                  + " is outside the ids a sandbox maps (0 to "
                  + MAX_ID
                  + ")"));
    }
  }
}
