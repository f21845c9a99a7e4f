package dev.weft.kube.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.action.Action;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Pod built for each kind of template, against golden JSON in src/test/resources/golden (run
 * with -Dweft.golden.update=true to rewrite them after a deliberate change, then review the diff).
 */
class PodManifestTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final PodSettings SETTINGS =
      new PodSettings(
          "ghcr.io/weft-dev/weft:0.1.0",
          null,
          Map.of(),
          "{\"s3\":{\"bucket\":\"b\"}}",
          List.of(new PodSettings.SecretKey("s3-creds", "accesskey")));

  private static Workflow workflow(String spec) throws Exception {
    String yaml =
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
            + "metadata: {name: wf, namespace: team, uid: 0000-uid}\n"
            + "spec:\n"
            + spec.indent(2);
    return Codec.yaml().readValue(yaml, Workflow.class);
  }

  private static JsonNode build(String spec, String template, List<Artifact> inputs)
      throws Exception {
    Workflow wf = workflow(spec);
    Template t =
        wf.spec().templatesOrEmpty().stream()
            .filter(x -> x.name().equals(template))
            .findFirst()
            .orElseThrow();
    var run = new Action.RunPod("wf-123", "wf[0].step", "wf-" + template + "-123", t, inputs);
    return PodManifest.build(wf, wf.spec(), run, SETTINGS);
  }

  private static void golden(String name, JsonNode pod) throws Exception {
    Path file = GOLDEN.resolve(name + ".json");
    String text = Codec.json().writerWithDefaultPrettyPrinter().writeValueAsString(pod) + "\n";
    if (Boolean.getBoolean("weft.golden.update") || !Files.exists(file)) {
      Files.writeString(file, text);
    }
    assertThat(text).isEqualTo(Files.readString(file));
  }

  @Test
  void aContainerWithNothingToCollectRunsAsALeanPod() throws Exception {
    JsonNode pod =
        build(
            """
            entrypoint: main
            templates:
            - name: main
              container: {image: alpine:3, command: [echo, hi]}
            """,
            "main",
            List.of());
    golden("container-lean", pod);
    assertThat(pod.path("spec").path("containers")).hasSize(1);
    assertThat(pod.path("metadata").path("annotations").path("weft.dev/lean").asText())
        .isEqualTo("true");
  }

  @Test
  void aScriptRunsUnderTheLauncherWithInitAndWait() throws Exception {
    JsonNode pod =
        build(
            """
            entrypoint: main
            templates:
            - name: main
              script: {image: python:3, command: [python], source: "print(1)"}
            """,
            "main",
            List.of());
    golden("script", pod);
    assertThat(pod.path("spec").path("containers").get(0).path("name").asText()).isEqualTo("wait");
    assertThat(pod.path("spec").path("initContainers").get(0).path("name").asText())
        .isEqualTo("init");
  }

  @Test
  void aContainerSetsMembersAreEachWrapped() throws Exception {
    golden(
        "container-set",
        build(
            """
            entrypoint: main
            templates:
            - name: main
              containerSet:
                containers:
                - {name: a, image: alpine:3, command: [sh, -c, "echo a"]}
                - {name: main, image: alpine:3, command: [sh, -c, "echo b"], dependencies: [a]}
              outputs:
                parameters: [{name: p, valueFrom: {path: /tmp/p}}]
            """,
            "main",
            List.of()));
  }

  @Test
  void sidecarsStopThemselvesWhenMainEnds() throws Exception {
    golden(
        "sidecars",
        build(
            """
            entrypoint: main
            templates:
            - name: main
              container: {image: alpine:3, command: [sh, -c, "sleep 1"]}
              sidecars:
              - {name: db, image: redis:7, command: [redis-server]}
            """,
            "main",
            List.of()));
  }

  @Test
  void templateInitContainersRunAfterWeftsOwn() throws Exception {
    golden(
        "init-containers",
        build(
            """
            entrypoint: main
            templates:
            - name: main
              container:
                image: alpine:3
                command: [cat, /work/x]
                volumeMounts: [{name: work, mountPath: /work}]
              initContainers:
              - {name: prep, image: alpine:3, command: [sh, -c, "echo x > /work/x"], mirrorVolumeMounts: true}
              volumes: [{name: work, emptyDir: {}}]
              outputs: {parameters: [{name: out, valueFrom: {path: /work/x}}]}
            """,
            "main",
            List.of()));
  }

  @Test
  void artifactsAreFetchedBeforeMainAndCollectedAfter() throws Exception {
    Artifact in =
        Codec.json()
            .readValue(
                "{\"name\":\"data\",\"path\":\"/in/data\",\"s3\":{\"key\":\"wf/uid/p/data.tgz\"}}",
                Artifact.class);
    golden(
        "artifacts",
        build(
            """
            entrypoint: main
            templates:
            - name: main
              inputs: {artifacts: [{name: data, path: /in/data}]}
              container: {image: alpine:3, command: [cp, -r, /in/data, /out]}
              outputs: {artifacts: [{name: out, path: /out}]}
            """,
            "main",
            List.of(in)));
  }

  @Test
  void aWrappedContainerWithoutCommandOrKnownEntrypointIsRefusedClearly() {
    assertThatThrownBy(
            () ->
                build(
                    """
                    entrypoint: main
                    templates:
                    - name: main
                      container: {image: example.com/unknown:1}
                      outputs: {parameters: [{name: p, valueFrom: {path: /p}}]}
                    """,
                    "main",
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot find the entrypoint of image example.com/unknown:1");
  }
}
