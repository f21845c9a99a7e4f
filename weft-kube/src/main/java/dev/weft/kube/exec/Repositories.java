package dev.weft.kube.exec;

import dev.weft.controller.artifact.ArtifactConfigException;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.controller.artifact.SecretLookup;
import dev.weft.executor.HostFile;
import dev.weft.model.spec.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * The artifact repository an executor container was given. Its credentials reach the pod as env
 * from secretKeyRef (the kubelet resolves them), so the executor needs no right to read Secrets.
 */
public final class Repositories {
  private Repositories() {}

  /** The env var the credential {@code key} of Secret {@code name} is given to executors in. */
  public static String secretEnv(String name, String key) {
    return "WEFT_SECRET_"
        + HexFormat.of()
            .formatHex((name + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static ArtifactTransfer transfer(String config, Map<String, String> env)
      throws ArtifactConfigException, IOException {
    if (config == null || config.isBlank()) return ArtifactTransfer.NONE;
    ArtifactRepositoryConfig parsed =
        ArtifactRepositoryConfig.parse(config, "the artifact repository");
    SecretLookup secrets =
        (namespace, name, key) -> java.util.Optional.ofNullable(env.get(secretEnv(name, key)));
    Path scratch = Files.createTempDirectory("weft-artifacts");
    ArtifactRepository repo = ArtifactRepository.from(parsed, secrets, scratch);
    return new ArtifactTransfer() {
      @Override
      public boolean save(String namespace, String key, HostFile source, boolean raw)
          throws IOException {
        return repo.save(namespace, key, source, raw, "output artifact " + source.relative());
      }

      @Override
      public void materialize(String namespace, Artifact artifact, Path dest) throws IOException {
        repo.materialize(namespace, artifact, dest);
      }
    };
  }
}
