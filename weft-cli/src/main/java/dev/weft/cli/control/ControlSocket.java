package dev.weft.cli.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A running `weft run` listens on a Unix socket in the data directory, so `weft resume`, `weft
 * stop` and `weft terminate` can reach it from another terminal. One line in, one line out.
 */
public final class ControlSocket implements AutoCloseable {
  private final Path path;
  private final ServerSocketChannel server;
  private final Thread acceptor;

  private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
    this.path = path;
    this.server = server;
    this.acceptor = Thread.ofVirtual().name("weft-control").start(() -> accept(handler));
  }

  public static Path pathFor(Path dataDir, String workflowName) {
    Path p = dataDir.resolve("run").resolve(workflowName + ".sock");
    if (p.toString().length() < 100) return p;
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        "weft-" + Integer.toHexString(p.toString().hashCode()) + ".sock");
  }

  public static ControlSocket open(Path path, Function<String, String> handler) throws IOException {
    Files.createDirectories(path.getParent());
    Files.deleteIfExists(path);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    return new ControlSocket(path, server, handler);
  }

  private void accept(Function<String, String> handler) {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        var in =
            new BufferedReader(
                new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        var out = new PrintWriter(Channels.newOutputStream(ch), true, StandardCharsets.UTF_8);
        String line = in.readLine();
        out.println(line == null ? "error: empty request" : handler.apply(line));
      } catch (IOException e) {
        if (!server.isOpen()) return;
      }
    }
  }

  /** Sends one request to the `weft run` serving the workflow; returns its answer. */
  public static String send(Path path, String request) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException(
          "no running workflow listens at " + path + " (is `weft run` still running?)");
    }
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      var out = new PrintWriter(Channels.newOutputStream(ch), true, StandardCharsets.UTF_8);
      out.println(request);
      var in =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
      String answer = in.readLine();
      return answer == null ? "error: no answer" : answer;
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
    Files.deleteIfExists(path);
  }
}
