package dev.weft.kube.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.SafePaths;
import dev.weft.kube.pods.PodProtocol;
import dev.weft.kube.store.KubeStore;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The init-artifacts container: writes each input artifact to its own directory of the inputs
 * volume, which main mounts (by subPath) at the artifact's path. Raw artifacts carry their data;
 * the rest come from the repository.
 */
public final class InitArtifactsCommand {
  private final Map<String, String> env;
  private final Path inputs;
  private final ArtifactTransfer artifacts;

  public InitArtifactsCommand(Map<String, String> env, Path inputs, ArtifactTransfer artifacts) {
    this.env = env;
    this.inputs = inputs;
    this.artifacts = artifacts;
  }

  public int run() throws IOException {
    String ns = env.getOrDefault(PodProtocol.ENV_NAMESPACE, "default");
    JsonNode list = Codec.json().readTree(env.getOrDefault(PodProtocol.ENV_INPUTS, "[]"));
    for (JsonNode item : list) {
      Artifact a = KubeStore.decodeValue(item, Artifact.class);
      if (a.path() == null) continue;
      Path dest = SafePaths.under(inputs, a.name(), "input artifact name");
      JsonNode raw = item.path("raw");
      if (raw.hasNonNull("data")) {
        Files.writeString(dest, raw.get("data").asText(), StandardCharsets.UTF_8);
      } else {
        artifacts.materialize(ns, a, dest);
      }
    }
    return 0;
  }
}
