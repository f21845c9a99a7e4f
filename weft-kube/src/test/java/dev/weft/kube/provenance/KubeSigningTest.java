package dev.weft.kube.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.controller.artifact.S3Fixture;
import dev.weft.controller.artifact.SecretLookup;
import dev.weft.controller.provenance.ProvenanceAnnotations;
import dev.weft.controller.provenance.RepositoryAttestations;
import dev.weft.executor.SandboxMode;
import dev.weft.kube.control.ControllerOptions;
import dev.weft.kube.control.KubeController;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.kube.store.KubeKind;
import dev.weft.model.codec.Codec;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `weft controller` signs a completed workflow with the key of its Secret and keeps the envelope in
 * the configured artifact repository (S3Proxy here), on the mock API server with the simulated
 * kubelet.
 */
class KubeSigningTest {
  @TempDir Path dir;
  private S3Fixture s3;
  private MockCluster cluster;
  private SimulatedKubelet kubelet;
  private KubeController controller;

  @BeforeEach
  void start() throws Exception {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) assertThat(works).isTrue();
    assumeTrue(works, () -> SandboxMode.probe().message());
    s3 = S3Fixture.start();
    cluster = new MockCluster();
    kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"));
    kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
    cluster
        .client()
        .secrets()
        .inNamespace("default")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("s3-creds")
                .endMetadata()
                .addToData("accesskey", base64(S3Fixture.ACCESS_KEY))
                .addToData("secretkey", base64(S3Fixture.SECRET_KEY))
                .build())
        .create();
    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("weft-controller-configmap")
                .endMetadata()
                .addToData("artifactRepository", repositoryJson())
                .build())
        .create();
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"));
  }

  @AfterEach
  void stop() throws Exception {
    if (controller != null) controller.close();
    if (kubelet != null) kubelet.close();
    if (cluster != null) cluster.close();
    if (s3 != null) s3.close();
  }

  private String repositoryJson() {
    ObjectNode repository = Codec.json().createObjectNode();
    repository.set("s3", s3.repositoryNode());
    return Codec.toJson(repository);
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private Optional<Map<String, String>> annotationsOnceSigned(String name, Duration limit)
      throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      GenericKubernetesResource wf =
          cluster
              .client()
              .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
              .inNamespace("default")
              .withName(name)
              .get();
      Map<String, String> notes = wf.getMetadata().getAnnotations();
      if (notes != null && notes.containsKey(ProvenanceAnnotations.SIGNED)) {
        return Optional.of(notes);
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  @Test
  void aCompletedWorkflowIsSignedWithTheSecretsKeyAndItsEnvelopeKeptInS3() throws Exception {
    GenericKubernetesResource created =
        cluster
            .client()
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default")
            .resource(
                Serialization.unmarshal(
                    """
                    apiVersion: argoproj.io/v1alpha1
                    kind: Workflow
                    metadata: {name: signed}
                    spec:
                      entrypoint: main
                      templates:
                      - name: main
                        container: {image: alpine:3, command: [sh, -c, "echo hello"]}
                    """,
                    GenericKubernetesResource.class))
            .create();
    String uid = created.getMetadata().getUid();

    Map<String, String> notes =
        annotationsOnceSigned("signed", Duration.ofSeconds(60)).orElseThrow();

    assertThat(notes).containsEntry(ProvenanceAnnotations.SIGNED, "true");
    var secret =
        cluster.client().secrets().inNamespace("default").withName("weft-signing-key").get();
    String pub =
        new String(
            Base64.getDecoder().decode(secret.getData().get(SigningKey.PUBLIC_FILE)),
            StandardCharsets.US_ASCII);
    try (ArtifactRepository repository =
        ArtifactRepository.from(
            ArtifactRepositoryConfig.parse(repositoryJson(), "test"),
            SecretLookup.fromStore(controller.store()),
            dir.resolve("scratch"))) {
      byte[] stored =
          new RepositoryAttestations(repository.store(), dir.resolve("scratch"))
              .read("default", uid)
              .orElseThrow();
      assertThat(
              repository.store().exists("default", "attestations/default/" + uid + ".intoto.json"))
          .isTrue();
      assertThat(notes.get(ProvenanceAnnotations.ATTESTATION_SHA256))
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
      Envelope env = Envelope.parse(stored);
      assertThat(Dsse.verify(env, SigningKey.parsePublic(pub, "ed25519.pub"))).isTrue();
      assertThat(env.payloadJson().at("/predicate/runDetails/builder/id").asText())
          .isEqualTo("https://weft.dev/builder/kubernetes/pod/v1");
    }
  }
}
