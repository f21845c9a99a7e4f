package dev.weft.executor;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who a container's process is and what it may do, from its {@code securityContext}: user and
 * groups inside the sandbox's user namespace, its capabilities (the runtime's default set unless
 * changed), whether its root filesystem is read-only, whether it runs privileged (every capability
 * of its user namespace and no seccomp filter; still never a host privilege), and whether it runs
 * without the seccomp filter (seccompProfile Unconfined).
 */
public record ContainerSecurity(
    long uid,
    long gid,
    List<Long> supplementalGroups,
    Set<String> capabilities,
    boolean readOnlyRootFilesystem,
    boolean privileged,
    boolean seccompUnconfined) {

  /** The highest uid or gid a container may take: the sandbox maps 65,536 ids. */
  public static final long MAX_ID = UserNamespace.SIZE - 1;

  /** Root in its user namespace with the runtime's default capabilities, as a container starts. */
  public static final ContainerSecurity DEFAULT =
      new ContainerSecurity(0, 0, List.of(), Capabilities.RUNTIME_DEFAULT, false, false, false);

  public ContainerSecurity {
    if (uid < 0 || uid > MAX_ID) throw new IllegalArgumentException(outOfRange("runAsUser", uid));
    if (gid < 0 || gid > MAX_ID) throw new IllegalArgumentException(outOfRange("runAsGroup", gid));
    supplementalGroups = List.copyOf(supplementalGroups);
    for (long g : supplementalGroups) {
      if (g < 0 || g > MAX_ID) {
        throw new IllegalArgumentException(outOfRange("supplementalGroups", g));
      }
    }
    capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
    for (String cap : capabilities) {
      if (Capabilities.canonical(cap) == null || !Capabilities.canonical(cap).equals(cap)) {
        throw new IllegalArgumentException("unknown capability " + cap);
      }
    }
  }

  static String outOfRange(String field, long id) {
    return field + " " + id + " is outside the ids a sandbox maps (0 to " + MAX_ID + ")";
  }

  /** Whether the container's system calls go through the seccomp filter. */
  boolean filtered() {
    return !privileged && !seccompUnconfined;
  }

  /** Whether ptrace and process memory access are allowed (the container holds SYS_PTRACE). */
  boolean mayTrace() {
    return privileged || capabilities.contains("SYS_PTRACE");
  }
}
