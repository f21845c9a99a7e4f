package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks a step could try on its host, each refused by the sandbox: the step runs as an unmapped
 * user with the runtime's default capabilities, no new privileges and a seccomp filter.
 */
class SandboxSecurityTest {
  @TempDir Path dir;
  Pods pods;

  @BeforeEach
  void setUp() {
    pods = Pods.sandboxed(dir);
  }

  private String run(ContainerSpec container) throws Exception {
    RunningPod pod = pods.start("attack", container);
    ContainerOutcome outcome = await(pod).container(container.name());
    assertThat(outcome.error()).as(Files.readString(pod.stderrFile(container.name()))).isEmpty();
    return Files.readString(pod.stdoutFile(container.name()));
  }

  private static ContainerSpec python(String source) {
    return Pods.container("main", "python:3", "python3", "-c", source);
  }

  @Test
  void rootInsideIsAnUnprivilegedHostUser() throws Exception {
    assumeTrue(UserNamespace.hostIsRoot(), "the mapped range is used when Weft runs as root");
    RunningPod pod =
        pods.start("ids", sh("main", "id -u; cat /proc/self/uid_map; touch /tmp/mine"));
    await(pod);

    String out = Files.readString(pod.stdoutFile("main"));
    assertThat(out.lines().findFirst()).contains("0");
    assertThat(out).containsPattern("\\s0\\s+100000\\s+65536");
    Path mine = pod.hostPath("main", "/tmp/mine");
    assertThat(Files.getAttribute(mine, "unix:uid")).isEqualTo(100_000);
  }

  @Test
  void aHostUsersPrivateFileCannotBeRead() throws Exception {
    Path secrets = Files.createDirectories(dir.resolve("host-dir"));
    Path secret = Files.writeString(secrets.resolve("secret"), "host secret");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.setAttribute(secret, "unix:uid", 4242);
    Mount host = new Mount(secrets, "/host", true, false);

    String out = run(sh("main", "cat /host/secret || echo refused").withMounts(List.of(host)));

    assertThat(out).doesNotContain("host secret").contains("refused");
  }

  @Test
  void openByHandleIsRefused() throws Exception {
    // name_to_handle_at then open_by_handle_at: the call behind the "shocker" container breakout.
    String out =
        run(
            python(
                """
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                handle = ctypes.create_string_buffer(8 + 128)
                ctypes.memmove(handle, (ctypes.c_uint * 1)(128), 4)
                mount_id = ctypes.c_int()
                if libc.name_to_handle_at(-100, b"/etc", handle, ctypes.byref(mount_id), 0) != 0:
                    print("name_to_handle_at failed", os.strerror(ctypes.get_errno()))
                fd = os.open("/", os.O_RDONLY)
                r = libc.open_by_handle_at(fd, handle, os.O_RDONLY)
                print("opened" if r >= 0 else "refused: " + os.strerror(ctypes.get_errno()))
                """));

    assertThat(out).contains("refused: Operation not permitted");
  }

  @Test
  void mountIsRefused() throws Exception {
    String out = run(sh("main", "mount -t tmpfs none /mnt 2>&1 && echo mounted || echo refused"));

    assertThat(out).contains("refused").doesNotContain("mounted\n");
  }

  @Test
  void newUserNamespacesAreRefused() throws Exception {
    String out = run(sh("main", "unshare -U -r true 2>&1 && echo created || echo refused"));

    assertThat(out).contains("refused").doesNotContain("created");
  }

  @Test
  void keyringsKexecAndBpfAreRefused() throws Exception {
    String out =
        run(
            python(
                """
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                for name, nr in (("keyctl", 250), ("kexec_load", 246), ("bpf", 321), ("ptrace", 101)):
                    r = libc.syscall(nr, 0, 0, 0, 0)
                    print(name, "allowed" if r >= 0 else os.strerror(ctypes.get_errno()))
                """));

    assertThat(out)
        .contains("keyctl Operation not permitted")
        .contains("kexec_load Operation not permitted")
        .contains("bpf Operation not permitted")
        .contains("ptrace Operation not permitted");
  }

  @Test
  void aStepHasTheRuntimeDefaultCapabilitiesNoNewPrivilegesAndAFilter() throws Exception {
    String out = run(sh("main", "grep -E 'CapEff|CapBnd|NoNewPrivs|Seccomp:' /proc/self/status"));

    long expected = mask(Capabilities.RUNTIME_DEFAULT);
    assertThat(out).contains(String.format("CapEff:\t%016x", expected));
    assertThat(out).contains(String.format("CapBnd:\t%016x", expected));
    assertThat(out).contains("NoNewPrivs:\t1").contains("Seccomp:\t2");
  }

  @Test
  void writingOutsideItsRootAndVolumesIsRefused() throws Exception {
    String out =
        run(
            sh(
                "main",
                "for f in /usr/x /etc/x /opt/weft/bin/x; do touch $f 2>/dev/null && echo wrote $f; done; echo done"));

    assertThat(out).isEqualTo("done\n");
  }

  @Test
  void droppedCapabilitiesAreGone() throws Exception {
    ContainerSecurity none = new ContainerSecurity(0, 0, List.of(), Set.of(), false, false, false);

    String out =
        run(
            sh("main", "grep CapEff /proc/self/status; chown 1:1 /tmp 2>&1 || echo refused")
                .withSecurity(none));

    assertThat(out).contains("CapEff:\t0000000000000000").contains("refused");
  }

  @Test
  void anAddedCapabilityIsHeld() throws Exception {
    ContainerSecurity withAdmin =
        new ContainerSecurity(
            0,
            0,
            List.of(),
            Capabilities.effective(List.of("NET_ADMIN"), List.of()),
            false,
            false,
            false);

    String out = run(sh("main", "grep CapEff /proc/self/status").withSecurity(withAdmin));

    long expected =
        mask(Capabilities.RUNTIME_DEFAULT) | 1L << Capabilities.NUMBERS.get("NET_ADMIN");
    assertThat(out).contains(String.format("CapEff:\t%016x", expected));
  }

  @Test
  void runAsUserAndGroupAreTheProcessIds() throws Exception {
    ContainerSecurity user =
        new ContainerSecurity(
            1000, 3000, List.of(4000L), Capabilities.RUNTIME_DEFAULT, false, false, false);

    String out =
        run(
            sh(
                    "main",
                    "id -u; id -g; id -G; grep CapEff /proc/self/status; touch /tmp/ok && echo tmp-writable")
                .withSecurity(user));

    assertThat(out.lines().toList()).startsWith("1000", "3000");
    assertThat(out).contains("4000").contains("CapEff:\t0000000000000000").contains("tmp-writable");
  }

  @Test
  void aStepReopensItsOwnStdoutAndStderrWhateverItsUser() throws Exception {
    ContainerSecurity user =
        new ContainerSecurity(
            1000, 1000, List.of(), Capabilities.RUNTIME_DEFAULT, false, false, false);
    String script = "echo out > /dev/stdout; echo err > /dev/stderr";

    for (ContainerSpec c : List.of(sh("main", script), sh("main", script).withSecurity(user))) {
      RunningPod pod = pods.start("reopen", c);
      await(pod);
      assertThat(Files.readString(pod.stdoutFile("main"))).isEqualTo("out\n");
      assertThat(Files.readString(pod.stderrFile("main"))).isEqualTo("err\n");
    }
  }

  @Test
  void theStepsEnvironmentNeverReachesTheHostProcessesThatBuildItsSandbox() throws Exception {
    // LD_PRELOAD, BASH_ENV and the like would act on the shim and bwrap, which run as host root.
    String marker = "weft-" + java.util.UUID.randomUUID();
    RunningPod pod =
        pods.start(
            "env",
            Pods.container("main", "alpine", "sleep", "2.013")
                .withEnv(Map.of("LD_PRELOAD", marker, "M", marker)));
    List<String> host = new java.util.ArrayList<>();
    List<String> inside = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < deadline && (host.isEmpty() || inside.isEmpty())) {
      host.clear();
      inside.clear();
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String cmd = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
            if (!cmd.contains(pod.hostPath("main", "/").toString())
                && !cmd.startsWith("sleep 2.013")) {
              continue;
            }
            String env = Files.readString(proc.resolve("environ"));
            (cmd.startsWith("sleep 2.013") ? inside : host).add(cmd + " | " + env);
          } catch (java.io.IOException gone) {
            // ended meanwhile
          }
        }
      }
    }
    await(pod);

    assertThat(host)
        .as("host-side processes")
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).doesNotContain(marker));
    assertThat(inside)
        .as("the step")
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).contains("M=" + marker));
  }

  @Test
  void aReadOnlyRootFilesystemCannotBeWritten() throws Exception {
    ContainerSecurity readOnly =
        new ContainerSecurity(0, 0, List.of(), Capabilities.RUNTIME_DEFAULT, true, false, false);
    Path volume = dir.resolve("scratch");
    Mount scratch = new Mount(volume, "/scratch", false);

    String out =
        run(
            sh(
                    "main",
                    "touch /x 2>/dev/null && echo root-written; touch /scratch/y && echo volume-written")
                .withSecurity(readOnly)
                .withMounts(List.of(scratch)));

    assertThat(out).isEqualTo("volume-written\n");
  }

  @Test
  void aPrivilegedStepIsStillConfinedToItsUserNamespace() throws Exception {
    assumeTrue(UserNamespace.hostIsRoot(), "the mapped range is used when Weft runs as root");
    ContainerSecurity privileged =
        new ContainerSecurity(0, 0, List.of(), Capabilities.RUNTIME_DEFAULT, false, true, false);
    Path secrets = Files.createDirectories(dir.resolve("host-dir"));
    Path secret = Files.writeString(secrets.resolve("secret"), "host secret");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Mount host = new Mount(secrets, "/host", true, false);

    String out =
        run(
            sh(
                    "main",
                    "grep Seccomp: /proc/self/status; cat /host/secret 2>/dev/null || echo refused")
                .withSecurity(privileged)
                .withMounts(List.of(host)));

    assertThat(out).contains("Seccomp:\t0").contains("refused").doesNotContain("host secret");
  }

  private static long mask(Set<String> caps) {
    long mask = 0;
    for (String cap : caps) mask |= 1L << Capabilities.NUMBERS.get(cap);
    return mask;
  }
}
