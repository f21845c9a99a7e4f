package dev.weft.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.SandboxMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, with real processes: 50 workflows of mixed shapes run on a server that is
 * killed with SIGKILL at random moments and restarted, and on one left alone. Both must end alike:
 * same phases, same node phases and outputs; every step (by pod name, from a witness file the steps
 * append to) ran exactly as often as undisturbed (a retry asked for runs again, nothing else); no
 * workflow is missing.
 */
class ServerCrashTest {
  private static final int WORKFLOWS = 50;
  private static final int KILLS = 4;

  @TempDir Path dir;

  @Test
  void workflowsEndAsUndisturbedThroughRepeatedKill9OfTheServer() throws Exception {
    assumeTrue(SandboxMode.detect() == SandboxMode.NAMESPACES, "needs bubblewrap");
    long seed = System.nanoTime();
    System.out.println("ServerCrashTest seed " + seed);
    Random random = new Random(seed);
    Run calm = new Run(dir.resolve("calm"));
    Run crashed = new Run(dir.resolve("crashed"));
    try {
      calm.server.start();
      crashed.server.start();
      calm.submitAll();
      crashed.submitAll();
      int killedWhileStepsRan = 0;
      for (int k = 0; k < KILLS; k++) {
        Thread.sleep(500 + random.nextInt(2500));
        if (liveShims(crashed.home) > 0) killedWhileStepsRan++;
        crashed.server.kill9();
        crashed.server.start();
      }
      Map<String, String> expected = calm.awaitAll();
      Map<String, String> actual = crashed.awaitAll();

      assertThat(killedWhileStepsRan).as("kills that hit running steps").isPositive();
      assertThat(actual.keySet()).hasSize(WORKFLOWS).isEqualTo(expected.keySet());
      assertThat(actual).isEqualTo(expected);
      for (String name : expected.keySet()) {
        List<String> ran = crashed.witnessed(name);
        assertThat(ran).as("steps run by " + name).doesNotHaveDuplicates();
        assertThat(ran).as("steps run by " + name).isEqualTo(calm.witnessed(name));
      }
    } finally {
      calm.server.stop();
      crashed.server.stop();
    }
  }

  private static long liveShims(Path home) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(a -> String.join(" ", a))
                    .orElse("")
                    .contains(home.toString()))
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains("weft-shim")).orElse(false))
        .count();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** One server's run of the 50 workflows. */
  private static final class Run {
    final Path home;
    final Path witness;
    final ServerProcess server;

    Run(Path home) throws IOException {
      this.home = home;
      this.witness = home.resolve("witness");
      Files.createDirectories(witness);
      // The steps, unprivileged host users, append to it through a hostPath volume.
      Files.setPosixFilePermissions(witness, PosixFilePermissions.fromString("rwxrwxrwx"));
      this.server = new ServerProcess(home, freePort());
    }

    void submitAll() throws Exception {
      for (int i = 0; i < WORKFLOWS; i++) {
        server.post("/api/v1/workflows/default", CrashWorkflows.request(i, name(i), witness));
      }
    }

    static String name(int i) {
      return String.format("crash-%02d", i);
    }

    /** Each workflow's summary once all completed. */
    Map<String, String> awaitAll() throws Exception {
      Instant deadline = Instant.now().plusSeconds(300);
      while (true) {
        JsonNode items = server.get("/api/v1/workflows/default").path("items");
        Map<String, String> done = new TreeMap<>();
        int unfinished = 0;
        for (JsonNode wf : items) {
          String phase = wf.path("status").path("phase").asText("");
          if (List.of("Succeeded", "Failed", "Error").contains(phase)) {
            done.put(wf.path("metadata").path("name").asText(), CrashWorkflows.summary(wf));
          } else {
            unfinished++;
          }
        }
        if (unfinished == 0) return done;
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(unfinished + " workflows unfinished after 300 s in " + home);
        }
        Thread.sleep(500);
      }
    }

    List<String> witnessed(String workflow) throws IOException {
      Path file = witness.resolve(workflow);
      List<String> lines = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
      return lines.stream().sorted().toList();
    }
  }
}
