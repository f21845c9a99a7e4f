package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.ControlPlane;
import dev.weft.controller.HostAccess;
import dev.weft.executor.SandboxMode;
import dev.weft.model.codec.Codec;
import dev.weft.store.Stores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real server on an ephemeral loopback port over a real control plane, and a client for it. */
final class ServerHarness implements AutoCloseable {
  record Response(int status, String body) {
    JsonNode json() {
      try {
        return Codec.json().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  final Path dataDir;
  final ControlPlane plane;
  final WeftServer server;
  final String token;
  final HttpClient client = HttpClient.newHttpClient();

  ServerHarness() throws IOException {
    this(false);
  }

  /** With {@code insecureNoAuth}, the server asks for no token (and the token is null). */
  ServerHarness(boolean insecureNoAuth) throws IOException {
    this(insecureNoAuth, HostAccess.none());
  }

  /** With what the operator configured the UI to be told at /api/v1/info. */
  ServerHarness(ServerInfo info) throws IOException {
    this(false, HostAccess.none(), info);
  }

  /** With what of the host the operator allowed (--allow-host-path, --allow-privileged). */
  ServerHarness(boolean insecureNoAuth, HostAccess hostAccess) throws IOException {
    this(insecureNoAuth, hostAccess, ServerInfo.DEFAULT);
  }

  /** With how many event deliveries a namespace keeps and how long dedup keys hold. */
  ServerHarness(dev.weft.server.events.EventHistory eventHistory) throws IOException {
    this(
        false,
        HostAccess.none(),
        ServerInfo.DEFAULT,
        new WeftServer.Options(true, UiAssets.ROOT, eventHistory),
        true);
  }

  private ServerHarness(boolean insecureNoAuth, HostAccess hostAccess, ServerInfo info)
      throws IOException {
    this(insecureNoAuth, hostAccess, info, WeftServer.Options.fromEnvironment(), true);
  }

  /**
   * A server whose controller signs nothing, serving the data directory's envelopes and key as
   * another signer would leave them: the tests decide what is signed.
   */
  static ServerHarness unsigned() throws IOException {
    return new ServerHarness(
        false, HostAccess.none(), ServerInfo.DEFAULT, WeftServer.Options.fromEnvironment(), false);
  }

  /**
   * A server over an {@link InterleavingStore}, for tests that put another writer between a
   * handler's read and write.
   */
  static ServerHarness interleaving(HostAccess hostAccess) throws IOException {
    return new ServerHarness(
        false,
        hostAccess,
        ServerInfo.DEFAULT,
        WeftServer.Options.fromEnvironment(),
        true,
        InterleavingStore::new);
  }

  /** The store the handlers see, when this harness was made by {@link #interleaving}. */
  InterleavingStore interleavingStore() {
    return (InterleavingStore) plane.store();
  }

  private ServerHarness(
      boolean insecureNoAuth,
      HostAccess hostAccess,
      ServerInfo info,
      WeftServer.Options options,
      boolean signing)
      throws IOException {
    this(insecureNoAuth, hostAccess, info, options, signing, s -> s);
  }

  private ServerHarness(
      boolean insecureNoAuth,
      HostAccess hostAccess,
      ServerInfo info,
      WeftServer.Options options,
      boolean signing,
      java.util.function.UnaryOperator<dev.weft.store.Store> wrap)
      throws IOException {
    dataDir = Files.createTempDirectory("weft-server-test");
    var opened = Stores.open(dataDir.resolve("weft.db").toString());
    var store = wrap.apply(opened);
    plane =
        signing
            ? ControlPlane.service(dataDir, SandboxMode.probe(), store, opened::close, hostAccess)
            : ControlPlane.service(
                    dataDir, SandboxMode.probe(), store, opened::close, hostAccess, null, null)
                .serveProvenance(dev.weft.controller.provenance.ProvenanceAccess.local(dataDir));
    server =
        WeftServer.start(
            new ServerConfig("127.0.0.1", 0, dataDir, insecureNoAuth, info), plane, options);
    token = insecureNoAuth ? null : Files.readString(dataDir.resolve(ServerToken.FILE)).strip();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Response get(String path) {
    return send(request(path).GET().build());
  }

  Response delete(String path) {
    return send(request(path).DELETE().build());
  }

  Response post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Response put(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Polls the workflow until it has a final phase, and returns it. */
  JsonNode awaitPhase(String ns, String name, String phase) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode wf = null;
    while (System.nanoTime() < deadline) {
      Response r = get("/api/v1/workflows/" + ns + "/" + name);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      wf = r.json();
      String now = wf.path("status").path("phase").asText("");
      if (now.equals(phase)) return wf;
      if (now.equals("Succeeded") || now.equals("Failed") || now.equals("Error")) break;
      Thread.sleep(100);
    }
    throw new AssertionError("expected phase " + phase + ", got " + wf);
  }

  static String echoWorkflow(String name, String labels) {
    return """
        {"workflow": {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "Workflow",
          "metadata": {"name": "%s", "labels": %s},
          "spec": {
            "entrypoint": "main",
            "templates": [
              {"name": "main", "container": {"image": "busybox", "command": ["echo", "hello"]}}
            ]
          }
        }}
        """
        .formatted(name, labels);
  }

  @Override
  public void close() throws Exception {
    server.close();
    plane.close();
  }
}
