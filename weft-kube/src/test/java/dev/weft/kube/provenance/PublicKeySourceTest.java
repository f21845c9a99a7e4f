package dev.weft.kube.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.kube.sim.MockCluster;
import dev.weft.provenance.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which key `weft server --kube` hands out. */
class PublicKeySourceTest {
  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aSecretInAnotherNamespaceIsReadThere() throws Exception {
    SigningKey key = SecretSigningKey.loadOrCreate(cluster.client(), "weft-system", "team-key");

    PublicKeySource source = PublicKeySource.InSecret.parse("weft-system/team-key");

    assertThat(source.publicPem(cluster.client(), "default")).hasValue(key.publicPem());
  }

  @Test
  void aSecretWithoutANamespaceIsTheServersNamespaces() throws Exception {
    SigningKey key = SecretSigningKey.loadOrCreate(cluster.client(), "argo", "weft-signing-key");

    assertThat(PublicKeySource.DEFAULT.publicPem(cluster.client(), "argo"))
        .hasValue(key.publicPem());
    assertThat(PublicKeySource.DEFAULT.publicPem(cluster.client(), "default")).isEmpty();
  }

  @Test
  void aReferenceThatNamesNoSecretIsRefusedSayingWhy() {
    assertThatThrownBy(() -> PublicKeySource.InSecret.parse("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"b/c\" is not a Secret name");
    assertThatThrownBy(() -> PublicKeySource.InSecret.parse("Team_NS/key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Team_NS\" is not a namespace name");
  }
}
