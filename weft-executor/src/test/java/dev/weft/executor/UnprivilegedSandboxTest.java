package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox an unprivileged Weft builds: bwrap maps the invoking user to the container's root in
 * a user namespace of its own. Run here as {@code nobody}, through setpriv, since the tests run as
 * root.
 */
class UnprivilegedSandboxTest {
  @TempDir Path dir;

  @Test
  void asAnUnprivilegedUserAStepIsRootOnlyInsideWithTheDefaultsAndNoNewNamespaces()
      throws Exception {
    assumeTrue(UserNamespace.hostIsRoot(), "needs root to become nobody for the test");
    Pods.sandboxed(dir); // the sandbox works here (in CI it must)
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command =
        SandboxCommand.of(
            dir.resolve("root"),
            "unprivileged",
            List.of(
                "/bin/sh",
                "-c",
                "id -u; grep -E 'CapEff|NoNewPrivs|Seccomp:' /proc/self/status;"
                    + " unshare -U true 2>/dev/null && echo userns-made || echo userns-refused"),
            dir,
            new Confinement(false));
    try (var files = Files.walk(dir)) {
      for (Path p : files.toList())
        Files.setAttribute(p, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
    List<String> asNobody =
        new ArrayList<>(
            List.of(
                "/usr/bin/setpriv",
                "--reuid",
                "65534",
                "--regid",
                "65534",
                "--clear-groups",
                "--"));
    asNobody.addAll(command);
    Process p = new ProcessBuilder(asNobody).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    long defaults = 0;
    for (String cap : Capabilities.RUNTIME_DEFAULT) defaults |= 1L << Capabilities.NUMBERS.get(cap);
    assertThat(out.lines().findFirst()).as(out).contains("0");
    assertThat(out)
        .contains(String.format("CapEff:\t%016x", defaults))
        .contains("NoNewPrivs:\t1")
        .contains("Seccomp:\t2")
        .contains("userns-refused");
  }
}
