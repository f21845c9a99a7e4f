package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sandboxed container may do, as bubblewrap and setpriv options: a user namespace (the
 * mapped id range when Weft runs as root, else the invoking user as the container's root), the
 * container's capabilities and nothing else, a seccomp filter, no new privileges (bubblewrap always
 * sets it), and its user and groups.
 *
 * <p>As root, bubblewrap builds the mounts with the host's privileges (so it can reach volumes
 * under a private data directory) and only then joins the mapped namespace ({@code --userns2});
 * setpriv then becomes the container's user inside it, keeps the container's capabilities in the
 * bounding set, and runs the command.
 */
final class Confinement {
  static final String SETPRIV = "/usr/bin/setpriv";

  // bwrap takes the namespace, the filter and the container's environment (as arguments, so that
  // no value shows in a process list) as file descriptors: the shim opens them (3, 4 and 5).
  private static final String OPEN_FDS = "exec 3<\"$1\" 4<\"$2\" 5<\"$3\"; shift 3; exec \"$@\"";

  /**
   * The environment of the processes that run on the host before the sandbox exists (shim, prlimit,
   * bwrap): fixed, since a container's variables (LD_PRELOAD, BASH_ENV, ...) would act on them.
   */
  static final Map<String, String> HOST_ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

  /**
   * Writes the container's environment as bwrap arguments ({@code --clearenv}, then {@code --setenv
   * NAME VALUE} each), NUL-separated, to {@code file} (mode 0600).
   */
  static Path environmentFile(Map<String, String> env, Path file) throws IOException {
    StringBuilder args = new StringBuilder("--clearenv\0");
    env.forEach((k, v) -> args.append("--setenv\0").append(k).append('\0').append(v).append('\0'));
    Files.createDirectories(file.getParent());
    // Written aside and renamed: a shim that opens it sees the whole file or the previous one.
    Path temp =
        Files.createTempFile(
            file.getParent(),
            ".environment",
            ".tmp",
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, args, java.nio.charset.StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private static final Confinement THIS_PROCESS = new Confinement(UserNamespace.hostIsRoot());

  private final boolean hostIsRoot;

  Confinement(boolean hostIsRoot) {
    this.hostIsRoot = hostIsRoot;
  }

  /** The confinement for this process: mapped ids when root, the invoking user's otherwise. */
  static Confinement forThisProcess() {
    return THIS_PROCESS;
  }

  boolean mapsIdRange() {
    return hostIsRoot;
  }

  /** Gives one file Weft made (not a container) to the container's user, when ids are mapped. */
  void giveTo(Path file, ContainerSecurity security) throws IOException {
    if (!hostIsRoot) return;
    Files.setAttribute(file, "unix:uid", (int) UserNamespace.hostId(security.uid()), NOFOLLOW);
    Files.setAttribute(file, "unix:gid", (int) UserNamespace.hostId(security.gid()), NOFOLLOW);
  }

  /**
   * Gives what Weft prepared for a container to the container's root, when the container's ids are
   * not the host's (as root); otherwise Weft's own user is the container's root already.
   */
  void handOver(Path files) throws IOException {
    if (hostIsRoot) Ownership.give(files, UserNamespace.hostId(0), UserNamespace.hostId(0));
  }

  /**
   * The command that opens the namespace, filter and environment descriptors and runs what follows
   * (prlimit, then bwrap with {@link #bwrapOptions}); the seccomp program is written to {@code
   * filterDir}, the environment is an {@link #environmentFile}.
   */
  List<String> openDescriptors(ContainerSecurity security, Path filterDir, Path environment)
      throws IOException {
    String namespace = hostIsRoot ? UserNamespace.shared().path().toString() : "/dev/null";
    String filter = security.filtered() ? filterFile(security.mayTrace(), filterDir) : "/dev/null";
    return List.of(
        "/bin/sh", "-c", OPEN_FDS, "weft-sandbox", namespace, filter, environment.toString());
  }

  /** The bwrap options that confine the container (after its mounts are described). */
  List<String> bwrapOptions(ContainerSecurity security) {
    List<String> options = new ArrayList<>(List.of("--args", "5"));
    if (hostIsRoot) {
      options.addAll(List.of("--userns2", "3"));
    } else {
      options.addAll(
          List.of(
              "--unshare-user",
              "--disable-userns",
              "--uid",
              Long.toString(security.uid()),
              "--gid",
              Long.toString(security.gid())));
    }
    if (security.filtered()) options.addAll(List.of("--seccomp", "4"));
    options.addAll(List.of("--cap-drop", "ALL"));
    for (String cap : heldByLauncher(security)) options.addAll(List.of("--cap-add", "CAP_" + cap));
    return options;
  }

  /**
   * What runs between bwrap and the command: as root, setpriv takes the container's user, groups
   * and bounding set (the ids are those of the mapped namespace).
   */
  List<String> identity(ContainerSecurity security) {
    if (!hostIsRoot) return List.of();
    List<String> argv = new ArrayList<>(List.of(SETPRIV, "--reuid", Long.toString(security.uid())));
    argv.addAll(List.of("--regid", Long.toString(security.gid())));
    if (security.supplementalGroups().isEmpty()) {
      argv.add("--clear-groups");
    } else {
      List<String> groups = security.supplementalGroups().stream().map(String::valueOf).toList();
      argv.addAll(List.of("--groups", String.join(",", groups)));
    }
    argv.add("--inh-caps=-all");
    StringBuilder bounding = new StringBuilder("-all");
    for (String cap : granted(security)) bounding.append(",+").append(cap.toLowerCase(Locale.ROOT));
    argv.add("--bounding-set=" + bounding);
    argv.add("--");
    return argv;
  }

  /** The capabilities the container ends up with. */
  private static Set<String> granted(ContainerSecurity security) {
    return new TreeSet<>(
        security.privileged() ? Capabilities.NUMBERS.keySet() : security.capabilities());
  }

  /**
   * What bwrap passes on: the container's capabilities, plus what setpriv needs to take the
   * container's ids (it drops them again through the bounding set and the change of user).
   */
  private Set<String> heldByLauncher(ContainerSecurity security) {
    Set<String> caps = granted(security);
    if (hostIsRoot) caps.addAll(List.of("SETUID", "SETGID", "SETPCAP"));
    else if (security.uid() != 0) caps.clear();
    return caps;
  }

  // Built and named once: they are the same for every container of this host.
  private static final byte[] PROGRAM = program(false);
  private static final byte[] PROGRAM_TRACING = program(true);
  private static final String NAME = fileName(PROGRAM);
  private static final String NAME_TRACING = fileName(PROGRAM_TRACING);

  private static byte[] program(boolean allowTracing) {
    SeccompFilter.Arch arch = SeccompFilter.host();
    return arch == null ? null : SeccompFilter.program(arch, allowTracing);
  }

  private static String fileName(byte[] program) {
    if (program == null) return null;
    return "seccomp-" + HexFormat.of().formatHex(sha256(program), 0, 8) + ".bpf";
  }

  private static String filterFile(boolean allowTracing, Path filterDir) throws IOException {
    if (PROGRAM == null) {
      throw new IOException(
          "no seccomp filter for this CPU architecture ("
              + System.getProperty("os.arch")
              + "); containers cannot be confined");
    }
    byte[] program = allowTracing ? PROGRAM_TRACING : PROGRAM;
    String name = allowTracing ? NAME_TRACING : NAME;
    Path file = filterDir.resolve(name);
    if (!Files.exists(file)) {
      Files.createDirectories(filterDir);
      Path temp = Files.createTempFile(filterDir, name, ".tmp");
      Files.write(temp, program);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return file.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
