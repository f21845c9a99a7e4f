package dev.weft.kube.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockClusterTest {
  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("alpine")
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void argoCrdsAreKnownToTheGenericClient() {
    var wf = new GenericKubernetesResource();
    wf.setApiVersion("argoproj.io/v1alpha1");
    wf.setKind("Workflow");
    wf.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("w").build());
    wf.setAdditionalProperty("spec", Map.of("entrypoint", "main"));
    cluster
        .client()
        .genericKubernetesResources("argoproj.io/v1alpha1", "Workflow")
        .resource(wf)
        .create();
    assertThat(
            cluster
                .client()
                .genericKubernetesResources("argoproj.io/v1alpha1", "ClusterWorkflowTemplate")
                .list()
                .getItems())
        .isEmpty();
    assertThat(
            cluster
                .client()
                .genericKubernetesResources("argoproj.io/v1alpha1", "Workflow")
                .withName("w")
                .get())
        .isNotNull();
  }

  @Test
  void podCreationsAreCountedOncePerAcceptedPost() {
    cluster.client().pods().resource(pod("a")).create();
    assertThatThrownBy(() -> cluster.client().pods().resource(pod("a")).create())
        .isInstanceOf(KubernetesClientException.class);
    cluster.client().pods().withName("a").delete();
    cluster.client().pods().resource(pod("a")).create();
    cluster.client().pods().inNamespace("other").resource(pod("b")).create();
    assertThat(cluster.podCreations())
        .containsExactly(Map.entry("default/a", 2), Map.entry("other/b", 1));
  }

  @Test
  void logOfAnUnknownPodIsNotFound() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(cluster.url() + "api/v1/namespaces/default/pods/nope/log"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void statusPutKeepsFinalizersAndDeleteWaitsForTheLastOne() {
    var client = cluster.client();
    Pod created =
        client
            .pods()
            .resource(
                new PodBuilder(pod("f"))
                    .editMetadata()
                    .addToFinalizers(Finalizers.NAME)
                    .endMetadata()
                    .build())
            .create();
    created.setStatus(
        new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running").build());
    client.pods().resource(created).updateStatus();
    Pod read = client.pods().withName("f").get();
    assertThat(read.getStatus().getPhase()).isEqualTo("Running");
    assertThat(read.getMetadata().getFinalizers()).containsExactly(Finalizers.NAME);
    client.pods().withName("f").withGracePeriod(7).delete();
    read = client.pods().withName("f").get();
    assertThat(read.getMetadata().getDeletionTimestamp()).isNotNull();
    Finalizers.remove(client, "default", "f");
    assertThat(client.pods().withName("f").get()).isNull();
  }
}
