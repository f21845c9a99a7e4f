package dev.weft.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real `weft server` process (this JVM's java and classpath) and a small HTTP client for it. */
final class ServerProcess {
  private final Path home;
  private final int port;
  private final List<String> extraArgs;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;
  private Map<String, String> environment = Map.of();

  ServerProcess(Path home, int port) {
    this(home, port, List.of());
  }

  /** With {@code extraArgs} after {@code weft server}'s own (such as {@code --store}). */
  ServerProcess(Path home, int port, List<String> extraArgs) {
    this.home = home;
    this.port = port;
    this.extraArgs = List.copyOf(extraArgs);
  }

  /** The command that runs `weft server` in this JVM's java with this JVM's classpath. */
  static List<String> command(Path home, int port, List<String> extraArgs) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-XX:TieredStopAtLevel=1");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dweft.home=" + home);
    command.add("dev.weft.cli.Main");
    command.addAll(List.of("server", "--port", Integer.toString(port), "--insecure-no-auth"));
    // the steps write their witness files through a hostPath volume
    command.addAll(List.of("--allow-host-path", home.resolve("witness").toString()));
    command.addAll(extraArgs);
    return command;
  }

  /** Extra environment for the next {@link #start} (such as a test-only crash seam). */
  void environment(Map<String, String> extra) {
    this.environment = Map.copyOf(extra);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Waits for the process to end by itself (a halt at a crash seam). */
  void awaitExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new IOException("weft server did not exit within " + timeout + "; see " + home);
    }
  }

  long pid() {
    return process.pid();
  }

  void start() throws IOException, InterruptedException {
    start(java.util.Map.of());
  }

  /**
   * Starts it with these variables added to its environment (a test seam such as a pause), after
   * those set by {@link #environment}.
   */
  void start(Map<String, String> extra) throws IOException, InterruptedException {
    List<String> command = command(home, port, extraArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().putAll(extra);
    process =
        builder
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
            .start();
    awaitHealthy();
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IOException("weft server exited; see " + home);
      try {
        if (send("GET", "/healthz", null).statusCode() == 200) return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("weft server did not come up in 60 s");
  }

  /** Waits (at most {@code limit}) until the server's output has a line containing {@code text}. */
  void awaitOutput(String text, Duration limit) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    Path log = home.resolve("server.log");
    while (Instant.now().isBefore(deadline)) {
      if (java.nio.file.Files.readString(log).contains(text)) return;
      if (!process.isAlive()) throw new IOException("weft server exited; see " + log);
      Thread.sleep(50);
    }
    throw new IOException("the server did not print \"" + text + "\" in " + limit);
  }

  /** kill -9: no shutdown hook, no flush, as a crash. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) kill9();
  }

  JsonNode post(String path, String json) throws IOException, InterruptedException {
    return body(send("POST", path, json));
  }

  JsonNode put(String path, String json) throws IOException, InterruptedException {
    return body(send("PUT", path, json));
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return body(send("GET", path, null));
  }

  private static JsonNode body(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return Codec.json().readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (json != null) request.header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
