package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.CliHarness.Result;
import dev.weft.controller.ControlPlane;
import dev.weft.executor.SandboxMode;
import dev.weft.model.codec.Codec;
import dev.weft.server.ServerConfig;
import dev.weft.server.WeftServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real `weft server` on an ephemeral loopback port over a real control plane. Commands run with
 * {@code --server} pointing at it and the data directory as weft.home, so the token is found the
 * way it is on the server's own machine.
 */
final class ServerFixture implements AutoCloseable {
  final Path dataDir;
  final ControlPlane plane;
  final WeftServer server;

  ServerFixture(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    var store = dev.weft.store.Stores.open(dataDir.resolve("weft.db").toString());
    this.plane = ControlPlane.service(dataDir, SandboxMode.probe(), store, store::close);
    this.server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dataDir, false), plane);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Runs `weft ARGS --server URL`. */
  Result weft(String... args) {
    System.setProperty("weft.home", dataDir.toString());
    String[] all =
        Stream.concat(Arrays.stream(args), Stream.of("--server", url())).toArray(String[]::new);
    return CliHarness.weft(all);
  }

  /** The workflow as `weft get -o json` shows it. */
  JsonNode workflow(String name) throws IOException {
    Result r = weft("get", name, "-o", "json");
    assertThat(r.exit()).as(r.all()).isZero();
    return Codec.json().readTree(r.out());
  }

  /** Polls `weft get -o json` until the workflow satisfies {@code condition}. */
  JsonNode await(String name, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode wf = workflow(name);
    while (!condition.test(wf)) {
      assertThat(System.nanoTime()).as("waiting for %s: %s", name, wf).isLessThan(deadline);
      Thread.sleep(100);
      wf = workflow(name);
    }
    return wf;
  }

  static Predicate<JsonNode> phase(String phase) {
    return wf -> phase.equals(wf.path("status").path("phase").asText());
  }

  /**
   * Stops the server, then the steps it left running: a server leaves them to the next one to
   * adopt, but the test's temporary directory, where they write, is deleted next.
   */
  @Override
  public void close() throws Exception {
    server.close();
    plane.close();
    stopLeftSteps(plane);
  }

  /** Kills the steps a closed service plane left running and waits (30 s at most) for them. */
  static void stopLeftSteps(ControlPlane plane) throws InterruptedException {
    if (plane.localPods().isEmpty()) return;
    var pods = plane.localPods().get();
    pods.killAll("the test is over");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (pods.runningCount() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
  }
}
