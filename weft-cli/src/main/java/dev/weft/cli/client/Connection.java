package dev.weft.cli.client;

import dev.weft.controller.DataDir;
import dev.weft.server.ServerToken;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the client commands find `weft server`: {@code --server}, {@code --token} and {@code -n},
 * each with an environment variable behind it, as argo's ARGO_SERVER, ARGO_TOKEN and namespace.
 */
public final class Connection {
  public static final String DEFAULT_SERVER = "http://127.0.0.1:2746";
  private static final int DEFAULT_PORT = 2746;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "The weft server: host:port or http://host:port (env WEFT_SERVER; default "
              + DEFAULT_SERVER
              + ").")
  String server;

  @Option(
      names = "--token",
      description =
          "Bearer token (env WEFT_TOKEN; default: the server-token file in the data directory).")
  String token;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace (env WEFT_NAMESPACE; default: default).")
  String namespace;

  /** Whether the user named a server, rather than relying on the default. */
  public boolean serverChosen() {
    return server != null || env("WEFT_SERVER") != null;
  }

  public String namespace() {
    if (namespace != null && !namespace.isBlank()) return namespace.strip();
    String fromEnv = env("WEFT_NAMESPACE");
    return fromEnv != null ? fromEnv : "default";
  }

  public URI serverUri() {
    String given = server != null ? server : env("WEFT_SERVER");
    return parse(given == null ? DEFAULT_SERVER : given);
  }

  public ApiClient open() {
    URI uri = serverUri();
    return new ApiClient(uri, token(uri));
  }

  /** Accepts {@code host:port}, {@code host} (port 2746) and {@code http(s)://host[:port]}. */
  static URI parse(String text) {
    String s = text.strip();
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    if (!s.contains("://")) s = "http://" + s;
    try {
      URI u = new URI(s);
      boolean web = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
      if (!web || u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty())) {
        throw new URISyntaxException(s, "not a server address");
      }
      int port = u.getPort() < 0 && "http".equals(u.getScheme()) ? DEFAULT_PORT : u.getPort();
      return new URI(u.getScheme(), null, u.getHost(), port, null, null, null);
    } catch (URISyntaxException e) {
      throw ClientException.badInput(
          "--server: \""
              + text
              + "\" is not a server address such as 127.0.0.1:2746 or http://host:2746");
    }
  }

  /**
   * The token: --token, WEFT_TOKEN, else the file `weft server` wrote on this machine, if any, but
   * only for a server on this machine: that token is never sent elsewhere.
   */
  private String token(URI server) {
    if (token != null && !token.isBlank()) return token.strip();
    String fromEnv = env("WEFT_TOKEN");
    if (fromEnv != null) return fromEnv;
    if (!isLoopback(server.getHost())) return null;
    Path file = DataDir.resolve().resolve(ServerToken.FILE);
    if (!Files.isReadable(file)) return null;
    try {
      String read = Files.readString(file, StandardCharsets.UTF_8).strip();
      return read.isEmpty() ? null : read;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isLoopback(String host) {
    if (host == null) return false;
    if (host.equals("localhost")) return true;
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
