package dev.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * A `weft server` in a process of its own, started as bin/weft starts it (weft-cli/target/weft.jar,
 * the flags of bin/jvm-flags server: this JVM's java), on its default store (SQLite in its data
 * directory, synchronous=FULL), to measure it from outside: its RSS, its shims' records.
 */
final class ServerChild implements AutoCloseable {
  private static final int IN_FLIGHT = 64;
  private final Process process;
  private final int port;
  private final Path home;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Starts a server on the data directory {@code home}; {@code root} is the repository's. */
  ServerChild(Path root, Path home) throws IOException, InterruptedException {
    this.home = home;
    Path jar = root.resolve("weft-cli/target/weft.jar");
    if (!Files.exists(jar))
      throw new IOException(jar + " is missing: build it with bin/weft first");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.createDirectories(home);
    String java = JvmFlags.java();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(JvmFlags.of(root, "server", java, true));
    command.addAll(
        List.of(
            "-Dweft.home=" + home,
            "-jar",
            jar.toString(),
            "server",
            "--port",
            Integer.toString(port),
            "--insecure-no-auth"));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("server.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (send(HttpRequest.newBuilder(uri("/healthz")).build()).statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IOException("weft server did not start; see " + home.resolve("server.log"));
  }

  /** The server's data directory (its store, its pods' files). */
  Path dataDir() {
    return home;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> post(String path, String json) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return Codec.json().readTree(send(HttpRequest.newBuilder(uri(path)).build()).body());
  }

  /** Submits {@code wf} to the default namespace and waits for the answer. */
  void submit(Workflow wf) {
    submitAll(List.of(wf));
  }

  /**
   * Submits the workflows to the default namespace all at once, as a crowd of clients would, with
   * at most {@link #IN_FLIGHT} requests open at a time (the JDK client fails a request beyond the
   * server's HTTP/2 stream limit instead of queueing it); returns when all are answered.
   */
  void submitAll(List<Workflow> workflows) {
    Semaphore open = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    for (Workflow wf : workflows) {
      open.acquireUninterruptibly();
      posts.add(
          post("/api/v1/workflows/default", "{\"workflow\": " + Codec.toJson(Codec.tree(wf)) + "}")
              .whenComplete((r, e) -> open.release()));
    }
    for (var post : posts) {
      HttpResponse<String> r = post.join();
      if (r.statusCode() != 200) throw new IllegalStateException("submit refused: " + r.body());
    }
  }

  /** The workflow as the server has it now. */
  Workflow workflow(String name) throws IOException, InterruptedException {
    return Codec.json().treeToValue(get("/api/v1/workflows/default/" + name), Workflow.class);
  }

  /** How many workflows of the default namespace have completed. */
  int completed() throws IOException, InterruptedException {
    return get("/api/v1/workflows/default?listOptions.labelSelector="
            + "workflows.argoproj.io/completed%3Dtrue")
        .path("items")
        .size();
  }

  /** Waits until {@code count} workflows have completed, checking every {@code poll}. */
  void awaitCompleted(int count, Duration poll, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (completed() < count) {
      if (System.nanoTime() > deadline)
        throw new IllegalStateException(
            "only " + completed() + " of " + count + " workflows completed after " + limit);
      Thread.sleep(poll.toMillis());
    }
  }

  /** The peak resident set size of the server process so far (VmHWM), in MB. */
  double peakRssMb() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
