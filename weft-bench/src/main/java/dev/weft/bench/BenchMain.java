package dev.weft.bench;

import dev.weft.executor.FileTrees;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks, prints the table of figures (each target: holds or MISSED) and writes them
 * as JSON. {@code --smoke} runs every section at a size that takes seconds (what CI runs); {@code
 * --only engine,local,server,...} picks sections; {@code --out FILE} (default
 * target/bench/results.json).
 */
public final class BenchMain {
  static final List<String> SECTIONS =
      List.of("engine", "local", "server", "load", "throughput", "cold", "peers", "kube");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Report report = run(args, System.out);
    System.exit(report.failures().isEmpty() ? 0 : 1);
  }

  /** Runs what {@code args} ask for; returns the report (also printed and written). */
  public static Report run(String[] args, PrintStream out) throws Exception {
    List<String> list = Arrays.asList(args);
    boolean smoke = list.contains("--smoke");
    Sizes sizes = smoke ? Sizes.smoke() : Sizes.full();
    Path root = Path.of(value(list, "--root", ".")).toAbsolutePath().normalize();
    Path outFile =
        Path.of(value(list, "--out", root.resolve("target/bench/results.json").toString()));
    Set<String> only = Set.of(value(list, "--only", String.join(",", SECTIONS)).split(","));
    Path work = Files.createTempDirectory("weft-bench");
    String machine = Machine.describe();
    out.println("weft bench (" + (smoke ? "smoke" : "full") + ") on " + machine);
    Report report = new Report();
    try {
      for (String section : SECTIONS) {
        if (!only.contains(section)) continue;
        out.println("running " + section + " ...");
        long t0 = System.nanoTime();
        try {
          switch (section) {
            case "engine" -> new EngineBench(sizes).run(report);
            case "local" -> new LocalModeBench(sizes, work).run(report);
            case "server" -> new ServerChainBench(sizes, work, root).run(report);
            case "load" -> new MixedLoadBench(sizes, work, root).run(report);
            case "throughput" -> new ThroughputBench(sizes, work, root).run(report);
            case "cold" -> new ColdStartBench(sizes, work, root).run(report);
            case "peers" -> new PeerBench(sizes, work).run(report);
            case "kube" -> {
              new KubeStepBench(sizes).run(report);
              new LeanPodBench(sizes, work).run(report);
            }
            default -> throw new IllegalArgumentException(section);
          }
        } catch (Exception | AssertionError e) {
          report.failed(section, e);
        }
        out.printf("  %s took %.1f s%n", section, (System.nanoTime() - t0) / 1e9);
      }
    } finally {
      FileTrees.deleteQuietly(work);
    }
    out.println();
    report.print(out);
    report.write(outFile, machine);
    out.println("\nwritten to " + outFile);
    return report;
  }

  private static String value(List<String> args, String flag, String fallback) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }
}
