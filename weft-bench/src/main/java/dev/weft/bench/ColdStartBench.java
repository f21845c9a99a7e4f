package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: the wall time of `weft run examples/hello-world.yaml` (the JVM, the command line
 * bin/weft uses, a sandboxed step), median of several runs, each in a fresh data directory.
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
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<Double> runs = new ArrayList<>();
    for (int i = 0; i < sizes.coldStartRuns() + 1; i++) {
      Path home = work.resolve("cold-" + i);
      ProcessBuilder pb =
          new ProcessBuilder(
                  java,
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-Xshare:auto",
                  "-jar",
                  jar.toString(),
                  "run",
                  root.resolve("examples/hello-world.yaml").toString())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("cold-" + i + ".log").toFile());
      pb.environment().put("WEFT_HOME", home.toString());
      pb.environment().put("CI", "true");
      long t0 = System.nanoTime();
      int exit = pb.start().waitFor();
      double ms = Stats.millis(System.nanoTime() - t0);
      if (exit != 0)
        throw new IOException("weft run failed; see " + work.resolve("cold-" + i + ".log"));
      if (i > 0)
        runs.add(ms); // the first run also fills the OS page cache: not a cold start of weft
    }
    report.add(
        Figure.atMost(
            SECTION,
            "weft run hello-world, median of " + runs.size(),
            Stats.median(runs) / 1000,
            "s",
            1.5));
  }
}
