package dev.weft.executor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Linux capabilities by their Kubernetes names ({@code NET_ADMIN}, no {@code CAP_} prefix), and the
 * set a container starts with: the container runtimes' default (containerd and Docker grant the
 * same fourteen).
 */
public final class Capabilities {
  private Capabilities() {}

  /** Every capability the kernel knows, by number. */
  static final Map<String, Integer> NUMBERS = numbers();

  /** containerd's and Docker's default set. */
  public static final Set<String> RUNTIME_DEFAULT =
      Set.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "FSETID",
          "FOWNER",
          "MKNOD",
          "NET_RAW",
          "SETGID",
          "SETUID",
          "SETFCAP",
          "SETPCAP",
          "NET_BIND_SERVICE",
          "SYS_CHROOT",
          "KILL",
          "AUDIT_WRITE");

  /**
   * The canonical name of {@code name} ({@code cap_net_admin}, {@code NET_ADMIN} and {@code
   * CAP_NET_ADMIN} are one), or null when it is no capability ({@code ALL} is not one either).
   */
  public static String canonical(String name) {
    if (name == null) return null;
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.startsWith("CAP_")) upper = upper.substring(4);
    return NUMBERS.containsKey(upper) ? upper : null;
  }

  /**
   * The default set with {@code drop} removed and {@code add} added, as a runtime computes it:
   * {@code ALL} in drop empties the set before the adds.
   */
  public static Set<String> effective(List<String> add, List<String> drop) {
    Set<String> caps = new LinkedHashSet<>(RUNTIME_DEFAULT);
    for (String d : drop) {
      if ("ALL".equalsIgnoreCase(d.trim())) caps.clear();
      else caps.remove(canonical(d));
    }
    for (String a : add) {
      if ("ALL".equalsIgnoreCase(a.trim())) caps.addAll(NUMBERS.keySet());
      else if (canonical(a) != null) caps.add(canonical(a));
    }
    return Set.copyOf(caps);
  }

  private static Map<String, Integer> numbers() {
    String[] names = {
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
      "CHECKPOINT_RESTORE"
    };
    Map<String, Integer> byName = new TreeMap<>();
    for (int i = 0; i < names.length; i++) byName.put(names[i], i);
    return Map.copyOf(byName);
  }
}
