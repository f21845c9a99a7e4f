package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags bin/weft starts a subcommand with, read from {@code bin/jvm-flags} (their one
 * source), so that the benchmarks start weft exactly as users do.
 */
final class JvmFlags {
  private JvmFlags() {}

  /** The java binary this JVM runs on: the benchmarks start weft with the same one. */
  static String java() {
    return ProcessHandle.current().info().command().orElseThrow();
  }

  /** The flags for {@code subcommand} on {@code java}; {@code withAotCache} false leaves it out. */
  static List<String> of(Path root, String subcommand, String java, boolean withAotCache)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/jvm-flags").toString());
    if (!withAotCache) command.add("--no-aot");
    command.add(subcommand);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("JAVA", java);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("bin/jvm-flags " + subcommand + " failed: " + out);
    return out.lines().filter(line -> !line.isBlank()).toList();
  }

  /** Whether {@code flags} start the JVM with an AOT cache. */
  static boolean usesAotCache(List<String> flags) {
    return flags.stream().anyMatch(f -> f.startsWith("-XX:AOTCache="));
  }
}
