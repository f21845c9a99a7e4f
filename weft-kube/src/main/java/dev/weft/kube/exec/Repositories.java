package dev.weft.kube.exec;

import java.util.Map;

/** The artifact repository an executor container was given, as a transfer. */
final class Repositories {
  private Repositories() {}

  static ArtifactTransfer transfer(String config, Map<String, String> env) {
    if (config == null || config.isBlank()) return ArtifactTransfer.NONE;
    throw new IllegalArgumentException("artifact repository not supported yet: " + config);
  }
}
