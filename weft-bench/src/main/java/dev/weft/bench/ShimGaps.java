package dev.weft.bench;

import dev.weft.model.Workflow;
import dev.weft.model.status.NodeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Step-to-step latency from the shims' records in a data directory: a step's process start (the
 * time of its {@code started} file) minus the latest process exit (its {@code exit} file) among the
 * steps it waited on. It reads files by path only, so it measures a local plane and a {@code weft
 * server} in another process alike.
 */
final class ShimGaps {
  private final Path podsRoot;

  /** {@code dataDir}: the data directory of the plane that ran the steps. */
  ShimGaps(Path dataDir) {
    this.podsRoot = dataDir.resolve("pods");
  }

  /** Each step of an {@code n}-step chain (s0, s1, ...) waits on the one before it. */
  static Map<String, List<String>> chain(int n) {
    Map<String, List<String>> waits = new LinkedHashMap<>();
    for (int i = 1; i < n; i++) waits.put("s" + i, List.of("s" + (i - 1)));
    return waits;
  }

  /**
   * The gaps, in milliseconds, of every step of {@code waitsOn} (step name to the steps it waited
   * on; a step's name is its node's display name).
   */
  List<Double> gaps(Workflow wf, Map<String, List<String>> waitsOn) throws IOException {
    Map<String, Path> podDirs = new HashMap<>();
    String uid = wf.metadata().uid();
    Path wfDir = podsRoot.resolve(uid == null || uid.isBlank() ? wf.metadata().name() : uid);
    for (NodeStatus node : wf.status().nodesOrEmpty().values()) {
      if (node.podName() != null) podDirs.put(node.displayName(), wfDir.resolve(node.podName()));
    }
    List<Double> gaps = new ArrayList<>();
    for (var step : waitsOn.entrySet()) {
      long started = nanos(podDirs, step.getKey(), "started");
      long lastExit = Long.MIN_VALUE;
      for (String before : step.getValue())
        lastExit = Math.max(lastExit, nanos(podDirs, before, "exit"));
      gaps.add((started - lastExit) / 1e6);
    }
    return gaps;
  }

  private static long nanos(Map<String, Path> podDirs, String step, String record)
      throws IOException {
    Path dir = podDirs.get(step);
    if (dir == null) throw new IOException("no pod for step " + step);
    return Files.getLastModifiedTime(dir.resolve("state/main").resolve(record))
        .to(TimeUnit.NANOSECONDS);
  }
}
