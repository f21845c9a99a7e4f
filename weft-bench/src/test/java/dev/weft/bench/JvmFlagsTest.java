package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/jvm-flags, the one source of the flags weft's JVM starts with. */
class JvmFlagsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** A stand-in java that only answers -version, as a JDK of {@code version} does. */
  private String javaOf(String version) throws Exception {
    Path java = dir.resolve("java-" + version);
    Files.writeString(
        java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-09-16' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    return java.toString();
  }

  private List<String> flags(String subcommand, String java, boolean aot) throws Exception {
    Path cache = dir.resolve("weft.aot");
    Files.writeString(cache, "cache");
    ProcessBuilder pb =
        new ProcessBuilder(
            aot
                ? List.of(ROOT.resolve("bin/jvm-flags").toString(), subcommand)
                : List.of(ROOT.resolve("bin/jvm-flags").toString(), "--no-aot", subcommand));
    pb.environment().put("JAVA", java);
    pb.environment().put("WEFT_AOT_CACHE", cache.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isZero();
    return out.lines().toList();
  }

  @Test
  void aShortCommandCompilesWithC1Only() throws Exception {
    assertThat(flags("run", javaOf("25.0.1"), true))
        .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }

  @Test
  void theServerAndControllerKeepC2AndCapTheirHeap() throws Exception {
    for (String sub : List.of("server", "controller")) {
      assertThat(flags(sub, javaOf("25.0.1"), true))
          .as(sub)
          .contains("-XX:+UseSerialGC", "-Xmx160m")
          .noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel"));
    }
  }

  @Test
  void jdk25StartsWithTheAotCache() throws Exception {
    assertThat(flags("run", javaOf("25.0.1"), true))
        .contains("-XX:AOTCache=" + dir.resolve("weft.aot"), "-Xlog:aot=off");
  }

  @Test
  void jdk21GetsNoAotFlagItWouldRefuse() throws Exception {
    assertThat(flags("run", javaOf("21.0.5"), true))
        .contains("-Xshare:auto")
        .noneMatch(f -> f.startsWith("-XX:AOTCache"));
  }

  @Test
  void noAotLeavesTheCacheOut() throws Exception {
    assertThat(flags("server", javaOf("25.0.1"), false))
        .noneMatch(f -> f.startsWith("-XX:AOTCache"));
  }
}
