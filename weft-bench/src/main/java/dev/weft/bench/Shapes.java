package dev.weft.bench;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.ResourceDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The workflows the benchmarks run, each step a container running {@code true}. */
final class Shapes {
  private Shapes() {}

  private static final String HEADER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: %s}
      spec:
        entrypoint: main
        templates:
        - name: work
          container: {image: alpine, command: ["true"]}
      """;

  /** {@code n} steps, one after another (a steps template of {@code n} groups). */
  static String chain(String name, int n) {
    StringBuilder y = new StringBuilder(HEADER.formatted(name));
    y.append("  - name: main\n    steps:\n");
    for (int i = 0; i < n; i++)
      y.append("    - - {name: s").append(i).append(", template: work}\n");
    return y.toString();
  }

  /** One task, {@code n} tasks depending on it, one task depending on them all (a DAG). */
  static String fanOut(String name, int n) {
    StringBuilder y = new StringBuilder(HEADER.formatted(name));
    y.append("  - name: main\n    dag:\n      tasks:\n");
    y.append("      - {name: start, template: work}\n");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < n; i++) {
      y.append("      - {name: f").append(i).append(", template: work, dependencies: [start]}\n");
      all.append(i == 0 ? "" : ", ").append('f').append(i);
    }
    y.append("      - {name: join, template: work, dependencies: [").append(all).append("]}\n");
    return y.toString();
  }

  /** {@code n} independent steps in one group: the local-mode fan-out. */
  static String parallel(String name, int n) {
    StringBuilder y = new StringBuilder(HEADER.formatted(name));
    y.append("  - name: main\n    steps:\n    -");
    for (int i = 0; i < n; i++) {
      y.append(i == 0 ? " " : "      ")
          .append("- {name: p")
          .append(i)
          .append(", template: work}\n");
    }
    return y.toString();
  }

  /**
   * A DAG of mixed depth: {@code n} tasks; the first ones are roots, every later task depends on
   * one to three tasks picked at random among all before it (seeded, so every run builds the same
   * DAG). Depth grows with the logarithm of n; width varies from task to task.
   */
  static String mixedDag(String name, int n, long seed) {
    Random random = new Random(seed);
    StringBuilder y = new StringBuilder(HEADER.formatted(name));
    y.append("  - name: main\n    dag:\n      tasks:\n");
    int roots = Math.max(1, n / 100);
    for (int i = 0; i < n; i++) {
      y.append("      - {name: t").append(i).append(", template: work");
      if (i >= roots) {
        Set<Integer> deps = new LinkedHashSet<>();
        int k = 1 + random.nextInt(3);
        while (deps.size() < Math.min(k, i)) deps.add(random.nextInt(i));
        y.append(", dependencies: [");
        int j = 0;
        for (int d : deps) y.append(j++ == 0 ? "" : ", ").append('t').append(d);
        y.append(']');
      }
      y.append("}\n");
    }
    return y.toString();
  }

  /** A DAG's YAML and, for each task that waits, the tasks it waits on. */
  record Dag(String yaml, Map<String, List<String>> waitsOn) {}

  /**
   * A DAG of {@code n} tasks in layers of 1 to {@code maxWidth} tasks; each task after the first
   * layer depends on one or more tasks of the layer before (seeded, so every run builds the same).
   */
  static Dag layeredDag(String name, int n, int maxWidth, long seed) {
    Random random = new Random(seed);
    StringBuilder y = new StringBuilder(HEADER.formatted(name));
    y.append("  - name: main\n    dag:\n      tasks:\n");
    Map<String, List<String>> waitsOn = new LinkedHashMap<>();
    List<String> previous = List.of();
    int made = 0;
    while (made < n) {
      int width = Math.min(n - made, 1 + random.nextInt(maxWidth));
      List<String> layer = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        String task = "t" + made++;
        layer.add(task);
        y.append("      - {name: ").append(task).append(", template: work");
        if (!previous.isEmpty()) {
          List<String> deps = new ArrayList<>(previous);
          Collections.shuffle(deps, random);
          deps = List.copyOf(deps.subList(0, 1 + random.nextInt(deps.size())));
          waitsOn.put(task, deps);
          y.append(", dependencies: [").append(String.join(", ", deps)).append(']');
        }
        y.append("}\n");
      }
      previous = layer;
    }
    return new Dag(y.toString(), waitsOn);
  }

  static Workflow decode(String yaml) {
    Decoded d = ResourceDecoder.decode(yaml, "bench.yaml");
    if (d.hasErrors()) throw new IllegalStateException("bad bench workflow: " + d.diagnostics());
    return (Workflow) d.resources().get(0).value();
  }
}
