package dev.weft.kube.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.kube.sim.MockCluster;
import dev.weft.provenance.SigningKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster's signing key lives in a Secret the first controller creates. */
class SecretSigningKeyTest {
  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void controllersStartingAtOnceAllEndWithTheOneKeyTheSecretHolds() throws Exception {
    int racers = 6;
    CyclicBarrier start = new CyclicBarrier(racers);
    List<KubernetesClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<SigningKey>> keys = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        KubernetesClient client = cluster.newClient("weft");
        clients.add(client);
        keys.add(
            pool.submit(
                () -> {
                  start.await();
                  return SecretSigningKey.loadOrCreate(client, "weft", "weft-signing-key");
                }));
      }
      Set<String> ids = new HashSet<>();
      for (Future<SigningKey> k : keys) ids.add(k.get().keyId());

      Secret secret =
          cluster.client().secrets().inNamespace("weft").withName("weft-signing-key").get();
      String pub =
          new String(
              Base64.getDecoder().decode(secret.getData().get("ed25519.pub")),
              StandardCharsets.US_ASCII);
      assertThat(ids).hasSize(1);
      assertThat(SigningKey.keyId(SigningKey.parsePublic(pub, "ed25519.pub")))
          .isEqualTo(ids.iterator().next());
      assertThat(cluster.client().secrets().inNamespace("weft").list().getItems()).hasSize(1);
    } finally {
      pool.shutdownNow();
      clients.forEach(KubernetesClient::close);
    }
  }

  @Test
  void aSecretWithoutTheKeyIsAnErrorNamingTheSecretAndTheKey() {
    cluster
        .client()
        .secrets()
        .inNamespace("weft")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("weft-signing-key")
                .endMetadata()
                .addToStringData("other", "x")
                .build())
        .create();

    assertThatThrownBy(
            () -> SecretSigningKey.loadOrCreate(cluster.client(), "weft", "weft-signing-key"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("weft/weft-signing-key")
        .hasMessageContaining("ed25519.key");
  }
}
