package dev.weft.server;

import java.nio.file.Path;

/**
 * Where the server listens and keeps its token, and what it tells the UI ({@link ServerInfo}).
 * {@code insecureNoAuth} turns bearer tokens off and is only allowed on a loopback address.
 */
public record ServerConfig(
    String bindAddress, int port, Path dataDir, boolean insecureNoAuth, ServerInfo info) {

  public ServerConfig {
    if (info == null) info = ServerInfo.DEFAULT;
  }

  public ServerConfig(String bindAddress, int port, Path dataDir, boolean insecureNoAuth) {
    this(bindAddress, port, dataDir, insecureNoAuth, ServerInfo.DEFAULT);
  }
}
