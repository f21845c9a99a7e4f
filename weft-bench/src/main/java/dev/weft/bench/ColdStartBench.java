package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: the wall time of `weft run examples/hello-world.yaml` (the JVM with bin/weft's flags
 * from bin/jvm-flags, a sandboxed step), median of several runs, each in a fresh data directory;
 * once with the build's AOT cache (when the JDK can use it) and once without it, so that a missing
 * or stale cache shows.
 */
final class ColdStartBench {
  private static final String SECTION = "cold start";
  private final Sizes sizes;
  private final Path work;
  private final Path root;

  ColdStartBench(Sizes sizes, Path work, Path root) {
    this.sizes = sizes;
    this.work = work;
    this.root = root;
  }

  void run(Report report) throws Exception {
    Path jar = root.resolve("weft-cli/target/weft.jar");
    if (!Files.exists(jar))
      throw new IOException(jar + " is missing: build it with bin/weft first");
    String java = JvmFlags.java();
    List<String> withCache = JvmFlags.of(root, "run", java, true);
    boolean cacheUsed = JvmFlags.usesAotCache(withCache) && cacheLoads(java, withCache, jar);
    report.add(
        Figure.atMost(
            SECTION,
            "weft run hello-world, median of " + sizes.coldStartRuns(),
            median(java, withCache, jar, "aot") / 1000,
            "s",
            1.0));
    report.add(
        Figure.of(
            SECTION,
            "weft run hello-world without the AOT cache, median of " + sizes.coldStartRuns(),
            median(java, JvmFlags.of(root, "run", java, false), jar, "noaot") / 1000,
            "s"));
    report.note(
        SECTION,
        cacheUsed
            ? "the AOT cache weft-cli/target/weft.aot was used"
            : "the AOT cache was NOT used ("
                + (JvmFlags.usesAotCache(withCache)
                    ? "the JVM refuses it: stale, or made by another JDK build"
                    : "no weft-cli/target/weft.aot, or a JDK before 25")
                + ")");
  }

  /** Whether the JVM maps the cache: with AOTMode=on it refuses to start otherwise. */
  private boolean cacheLoads(String java, List<String> flags, Path jar)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(flags);
    command.addAll(List.of("-XX:AOTMode=on", "-jar", jar.toString(), "--version"));
    Path log = work.resolve("cold-aot-probe.log");
    return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start()
            .waitFor()
        == 0;
  }

  private double median(String java, List<String> flags, Path jar, String label)
      throws IOException, InterruptedException {
    List<Double> runs = new ArrayList<>();
    for (int i = 0; i < sizes.coldStartRuns() + 1; i++) {
      Path home = work.resolve("cold-" + label + "-" + i);
      Path log = work.resolve("cold-" + label + "-" + i + ".log");
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(flags);
      command.addAll(
          List.of(
              "-jar", jar.toString(), "run", root.resolve("examples/hello-world.yaml").toString()));
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("WEFT_HOME", home.toString());
      pb.environment().put("CI", "true");
      long t0 = System.nanoTime();
      int exit = pb.start().waitFor();
      double ms = Stats.millis(System.nanoTime() - t0);
      if (exit != 0) throw new IOException("weft run failed; see " + log);
      if (i > 0) runs.add(ms); // the first run also fills the OS page cache: not a cold start
    }
    return Stats.median(runs);
  }
}
