package dev.weft.server;

import java.nio.file.Path;

/**
 * Where the server listens and keeps its token. {@code insecureNoAuth} turns bearer tokens off and
 * is only allowed on a loopback address.
 */
public record ServerConfig(String bindAddress, int port, Path dataDir, boolean insecureNoAuth) {}
