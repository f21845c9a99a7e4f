package dev.weft.controller.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.HostAccess;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.store.InMemoryStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `weft server --artifact-repository`: a local server keeps artifacts in an S3 repository. */
class ServiceS3ArtifactsTest {
  @TempDir Path dir;

  @Test
  void aServerWithAnS3RepositoryPassesArtifactsThroughIt() throws Exception {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) assertThat(works).isTrue();
    assumeTrue(works, () -> SandboxMode.probe().message());
    try (S3Fixture s3 = S3Fixture.start()) {
      var repository = Codec.json().createObjectNode();
      repository.set("s3", s3.repositoryNode());
      ArtifactRepositoryConfig config =
          ArtifactRepositoryConfig.parse(Codec.toJson(repository), "test");
      InMemoryStore store = new InMemoryStore();
      store.create(
          new Secret(
              "v1",
              "Secret",
              dev.weft.model.ObjectMeta.named("s3-creds").withNamespace("default"),
              null,
              Map.of("accesskey", S3Fixture.ACCESS_KEY, "secretkey", S3Fixture.SECRET_KEY),
              null,
              null));
      try (ControlPlane plane =
          ControlPlane.service(
              dir, SandboxMode.probe(), store, () -> {}, HostAccess.none(), config)) {
        Workflow wf =
            plane.submit(
                Codec.yaml()
                    .readValue(
                        """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Workflow
                        metadata: {name: pass, namespace: default}
                        spec:
                          entrypoint: main
                          templates:
                          - name: main
                            steps:
                            - - {name: make, template: make}
                            - - name: use
                                template: use
                                arguments:
                                  artifacts: [{name: in, from: "{{steps.make.outputs.artifacts.out}}"}]
                          - name: make
                            container: {image: alpine:3, command: [sh, -c, "echo via-s3 > /tmp/out"]}
                            outputs: {artifacts: [{name: out, path: /tmp/out}]}
                          - name: use
                            inputs: {artifacts: [{name: in, path: /tmp/in}]}
                            container: {image: alpine:3, command: [sh, -c, "grep -q via-s3 /tmp/in"]}
                        """,
                        Workflow.class));
        Workflow done = null;
        for (int i = 0; i < 1200 && (done == null || !done.completed()); i++) {
          Thread.sleep(50);
          done = store.get(Workflow.class, "default", wf.metadata().name()).orElseThrow();
        }
        assertThat(done.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
        assertThat(s3.blobs().list(S3Fixture.BUCKET)).isNotEmpty();
      }
    }
  }
}
