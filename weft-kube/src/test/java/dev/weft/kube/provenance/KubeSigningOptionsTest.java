package dev.weft.kube.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.provenance.Signing;
import dev.weft.kube.sim.MockCluster;
import dev.weft.provenance.SigningKey;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which key and which store `weft controller` signs with. */
class KubeSigningOptionsTest {
  @TempDir Path dir;
  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void withoutAnArtifactRepositoryNothingIsSignedAndNoKeyIsMade() throws Exception {
    Optional<Signing> signing =
        KubeSigning.of(cluster.client(), "weft", "weft-signing-key", null, null);

    assertThat(signing).isEmpty();
    assertThat(cluster.client().secrets().inNamespace("weft").withName("weft-signing-key").get())
        .isNull();
  }

  @Test
  void aKeyFileSignsInsteadOfTheSecret() throws Exception {
    SigningKey mine = SigningKey.loadOrCreate(dir.resolve("mounted"));
    try (ArtifactRepository repository = new ArtifactRepository(dir.resolve("artifacts"))) {
      Signing signing =
          KubeSigning.of(
                  cluster.client(),
                  "weft",
                  "weft-signing-key",
                  dir.resolve("mounted/ed25519.key"),
                  repository)
              .orElseThrow();

      assertThat(signing.key().keyId()).isEqualTo(mine.keyId());
      assertThat(signing.builder().id()).isEqualTo("https://weft.dev/builder/kubernetes/pod/v1");
      assertThat(cluster.client().secrets().inNamespace("weft").withName("weft-signing-key").get())
          .isNull();
    }
  }
}
