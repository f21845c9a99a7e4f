package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.controller.LocalPlane;
import dev.weft.executor.ImageProfiles;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement of workflows really run by a local control plane, checked with outside tools. */
class WorkflowProvenanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BuilderIdentity BUILDER = new BuilderIdentity("run", "sandboxed");
  private static final String SECRET_VALUE = "hunter2-correct-horse";

  @TempDir Path home;
  private LocalPlane local;

  @BeforeEach
  void start() throws IOException {
    local = new LocalPlane(home);
  }

  @AfterEach
  void stop() throws Exception {
    local.close();
  }

  private WorkflowProvenance provenance() {
    var plane = local.plane();
    return new WorkflowProvenance(
        plane.store(),
        plane.artifacts(),
        NodeLogs.of(plane.localPods().orElseThrow()),
        new ImageProfiles(home.resolve("shims")),
        "0.1.0",
        BUILDER);
  }

  private static final String TWO_OUTPUTS =
      """
      metadata: {name: two-outs, namespace: default}
      spec:
        entrypoint: main
        arguments: {parameters: [{name: greeting, value: hello}]}
        templates:
        - name: main
          steps:
          - - {name: make, template: make}
        - name: make
          container:
            image: alpine
            command: [sh, -c, "echo one > /tmp/a.txt; mkdir /tmp/dir; echo two > /tmp/dir/b.txt; echo made"]
            env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: token, key: value}}}]
          outputs:
            artifacts:
            - {name: first, path: /tmp/a.txt}
            - {name: second, path: /tmp/dir, archive: {none: {}}}
      """;

  private Workflow runTwoOutputs() throws Exception {
    local.create(
        "kind: Secret\nmetadata: {name: token, namespace: default}\nstringData: {value: "
            + SECRET_VALUE
            + "}\n");
    Workflow wf = local.run(TWO_OUTPUTS);
    assertThat(wf.status().phase())
        .as(LocalPlane.everything(wf))
        .isEqualTo(WorkflowPhase.SUCCEEDED);
    return wf;
  }

  private static String sha256sum(Path file) throws Exception {
    Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.substring(0, 64);
  }

  private static Map<String, String> subjects(JsonNode statement) {
    Map<String, String> out = new HashMap<>();
    statement
        .path("subject")
        .forEach(s -> out.put(s.path("name").asText(), s.at("/digest/sha256").asText()));
    return out;
  }

  @Test
  void subjectsAreEveryStoredOutputBySha256OfItsStoredBytes() throws Exception {
    Workflow wf = runTwoOutputs();

    JsonNode statement = JSON.readTree(provenance().statement(wf));

    Path bucket = home.resolve("artifacts/default/two-outs").resolve(wf.metadata().uid());
    List<Path> stored = new ArrayList<>();
    try (Stream<Path> files = Files.walk(bucket)) {
      files.filter(Files::isRegularFile).forEach(stored::add);
    }
    Path archive =
        stored.stream().filter(f -> f.toString().endsWith("first.tgz")).findFirst().orElseThrow();
    Path loose = stored.stream().filter(f -> f.endsWith("second/b.txt")).findFirst().orElseThrow();
    assertThat(subjects(statement))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "default/two-outs/two-outs/[0]/make/first", sha256sum(archive),
                "default/two-outs/two-outs/[0]/make/second/b.txt", sha256sum(loose)));
  }

  @Test
  void eachSubjectSaysWhichNodeAndArtifactItIs() throws Exception {
    Workflow wf = runTwoOutputs();
    String make =
        wf.status().nodesOrEmpty().values().stream()
            .filter(n -> "make".equals(n.displayName()))
            .findFirst()
            .orElseThrow()
            .id();

    JsonNode subject = JSON.readTree(provenance().statement(wf)).path("subject");

    assertThat(subject)
        .extracting(s -> s.path("annotations").toString())
        .containsExactlyInAnyOrder(
            "{\"weft_artifact\":\"first\",\"weft_node\":\"" + make + "\"}",
            "{\"weft_artifact\":\"second\",\"weft_file\":\"b.txt\",\"weft_node\":\""
                + make
                + "\"}");
  }

  @Test
  void runDetailsNameTheBuilderTheUidAndTheStatusTimes() throws Exception {
    Workflow wf = runTwoOutputs();

    JsonNode run = JSON.readTree(provenance().statement(wf)).at("/predicate/runDetails");

    assertThat(run.at("/builder/id").asText())
        .isEqualTo("https://weft.dev/builder/run/sandboxed/v1");
    assertThat(run.at("/builder/version/weft").asText()).isEqualTo("0.1.0");
    assertThat(run.at("/metadata/invocationId").asText()).isEqualTo(wf.metadata().uid());
    assertThat(run.at("/metadata/startedOn").asText())
        .isEqualTo(wf.status().startedAt().toString());
    assertThat(run.at("/metadata/finishedOn").asText())
        .isEqualTo(wf.status().finishedAt().toString());
  }

  @Test
  void aSecretsValueAppearsNowhereInThePayloadButItsNameAndVersionDo() throws Exception {
    Workflow wf = runTwoOutputs();

    byte[] payload = provenance().statement(wf);

    String text = new String(payload, StandardCharsets.UTF_8);
    String base64 =
        Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8));
    assertThat(text)
        .doesNotContain(SECRET_VALUE)
        .doesNotContain(base64)
        .doesNotContain(base64.substring(0, 16));
    JsonNode secret = dependency(JSON.readTree(payload), "weft:secrets/default/token");
    assertThat(secret.has("digest")).isFalse();
    assertThat(secret.at("/annotations/resourceVersion").asText()).isNotBlank();
  }

  @Test
  void eachPodsLogIsAByproductAndSoIsTheFinalPhase() throws Exception {
    Workflow wf = runTwoOutputs();

    JsonNode statement = JSON.readTree(provenance().statement(wf));

    Map<String, JsonNode> byproducts = new HashMap<>();
    statement
        .at("/predicate/runDetails/byproducts")
        .forEach(b -> byproducts.put(b.path("name").asText(), b));
    String madeSha = sha256sum(write("made\n"));
    assertThat(byproducts.get("nodes/two-outs/[0]/make/log").at("/digest/sha256").asText())
        .isEqualTo(madeSha);
    assertThat(
            new String(
                Base64.getDecoder().decode(byproducts.get("weft_phase").path("content").asText()),
                StandardCharsets.UTF_8))
        .isEqualTo("Succeeded");
  }

  private Path write(String text) throws IOException {
    Path f = Files.createTempFile(home, "expected", ".txt");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void theSameCompletedWorkflowGivesTheSameBytesEvenFromANewInstance() throws Exception {
    Workflow wf = runTwoOutputs();

    byte[] first = provenance().statement(wf);
    Workflow reread =
        local.plane().store().get(Workflow.class, "default", "two-outs").orElseThrow();
    byte[] second = provenance().statement(reread);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void externalParametersCarryTheInvocationAndTheSpecsDigest() throws Exception {
    Workflow wf = runTwoOutputs();

    JsonNode ext =
        JSON.readTree(provenance().statement(wf))
            .at("/predicate/buildDefinition/externalParameters");

    assertThat(ext.path("namespace").asText()).isEqualTo("default");
    assertThat(ext.path("name").asText()).isEqualTo("two-outs");
    assertThat(ext.path("entrypoint").asText()).isEqualTo("main");
    assertThat(ext.at("/arguments/parameters/0/value").asText()).isEqualTo("hello");
    assertThat(ext.path("trigger").asText()).isEqualTo("submit");
    assertThat(ext.path("specSha256").asText())
        .isEqualTo(canonicalSha256(dev.weft.model.codec.Codec.toJson(wf.spec())));
  }

  @Test
  void aWorkflowWithoutOutputsHasItsFinalObjectAsTheSubject() throws Exception {
    Workflow wf =
        local.run(
            """
            metadata: {name: quiet, namespace: default}
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: alpine, command: [sh, -c, "echo hi"]}
            """);

    JsonNode subject = JSON.readTree(provenance().statement(wf)).path("subject");

    assertThat(subject).hasSize(1);
    assertThat(subject.get(0).path("name").asText()).isEqualTo("workflow/default/quiet");
    assertThat(subject.get(0).at("/digest/sha256").asText())
        .isEqualTo(WorkflowProvenance.finalObjectSha256(wf));
  }

  @Test
  void usedTemplatesAndConfigMapsAreDependenciesByTheSha256OfTheirContent() throws Exception {
    local.create(
        "kind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {size: large, colour: blue}\n");
    String templateJson =
        "{\"entrypoint\":\"say\",\"templates\":[{\"name\":\"say\",\"inputs\":{\"parameters\":[{\"name\":\"size\",\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"settings\",\"key\":\"size\"}}}]},"
            + "\"container\":{\"image\":\"alpine\",\"command\":[\"echo\",\"{{inputs.parameters.size}}\"]}}]}";
    var template =
        dev.weft.model.codec.Codec.convert(
            JSON.readTree(
                "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"WorkflowTemplate\",\"metadata\":{\"name\":\"sayer\",\"namespace\":\"default\"},\"spec\":"
                    + templateJson
                    + "}"),
            dev.weft.model.WorkflowTemplate.class);
    local.plane().store().create(template);
    Workflow wf =
        local.run(
            """
            metadata: {name: from-template, namespace: default}
            spec:
              workflowTemplateRef: {name: sayer}
            """);
    assertThat(wf.status().phase())
        .as(LocalPlane.everything(wf))
        .isEqualTo(WorkflowPhase.SUCCEEDED);

    JsonNode statement = JSON.readTree(provenance().statement(wf));

    String stored =
        dev.weft.model.codec.Codec.toJson(
            local
                .plane()
                .store()
                .get(dev.weft.model.WorkflowTemplate.class, "default", "sayer")
                .orElseThrow());
    JsonNode wt = dependency(statement, "weft:workflowtemplates/default/sayer");
    assertThat(wt.at("/digest/sha256").asText()).isEqualTo(objectSha256(stored));
    assertThat(wt.at("/annotations/weft_source").asText()).isEqualTo("store");
    JsonNode cm = dependency(statement, "weft:configmaps/default/settings");
    assertThat(cm.at("/digest/sha256").asText())
        .isEqualTo(canonicalSha256("{\"data\":{\"size\":\"large\",\"colour\":\"blue\"}}"));
  }

  @Test
  void theHostProgramsAnImageRanAreDependenciesByTheirFilesSha256() throws Exception {
    Workflow wf = runTwoOutputs();

    JsonNode statement = JSON.readTree(provenance().statement(wf));

    Path sh =
        Path.of(
            statement
                .at(
                    "/predicate/buildDefinition/internalParameters/imageProfiles/alpine/hostCommands/0")
                .asText());
    JsonNode dep = dependency(statement, "file://" + sh);
    assertThat(dep.at("/digest/sha256").asText()).isEqualTo(sha256sum(sh.toRealPath()));
  }

  @Test
  void anInputFromOutsideTheRunIsADependencyAndOneItMadeIsNot() throws Exception {
    Path outside = home.resolve("artifacts/default/inputs/data.txt");
    Files.createDirectories(outside.getParent());
    Files.writeString(outside, "from before\n");
    Workflow wf =
        local.run(
            """
            metadata: {name: consume, namespace: default}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: make, template: make}
                - - name: use
                    template: use
                    arguments:
                      artifacts:
                      - {name: made, from: "{{steps.make.outputs.artifacts.out}}"}
                      - {name: old, s3: {key: inputs/data.txt}}
              - name: make
                container: {image: alpine, command: [sh, -c, "echo new > /tmp/out.txt"]}
                outputs: {artifacts: [{name: out, path: /tmp/out.txt}]}
              - name: use
                inputs: {artifacts: [{name: made, path: /tmp/made}, {name: old, path: /tmp/old}]}
                container: {image: alpine, command: [sh, -c, "cat /tmp/made /tmp/old"]}
            """);
    assertThat(wf.status().phase())
        .as(LocalPlane.everything(wf))
        .isEqualTo(WorkflowPhase.SUCCEEDED);

    JsonNode statement = JSON.readTree(provenance().statement(wf));

    JsonNode old = dependency(statement, "weft:artifacts/default/inputs/data.txt");
    assertThat(old.at("/digest/sha256").asText()).isEqualTo(sha256sum(outside));
    List<String> uris = new ArrayList<>();
    statement
        .at("/predicate/buildDefinition/resolvedDependencies")
        .forEach(d -> uris.add(d.path("uri").asText()));
    assertThat(uris).noneMatch(u -> u.startsWith("weft:artifacts/default/consume/"));
  }

  private static JsonNode dependency(JsonNode statement, String uri) {
    for (JsonNode d : statement.at("/predicate/buildDefinition/resolvedDependencies")) {
      if (uri.equals(d.path("uri").asText())) return d;
    }
    throw new AssertionError(
        "no dependency "
            + uri
            + " in "
            + statement.at("/predicate/buildDefinition/resolvedDependencies"));
  }

  /** sha256 of the JSON with sorted keys, computed by Python's json and hashlib, not by Weft. */
  private static String canonicalSha256(String json) throws Exception {
    return python(json, "");
  }

  /** As {@link #canonicalSha256}, without the metadata the store sets (as the API returns it). */
  private static String objectSha256(String json) throws Exception {
    return python(
        json,
        "m=o.get('metadata',{});"
            + "[m.pop(k,None) for k in ('resourceVersion','managedFields','creationTimestamp','uid','generation')];");
  }

  private static String python(String json, String trim) throws Exception {
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                "import sys,json,hashlib;o=json.load(sys.stdin);"
                    + trim
                    + "print(hashlib.sha256(json.dumps(o,sort_keys=True,separators=(',',':'),ensure_ascii=False).encode()).hexdigest())")
            .start();
    try (var in = p.getOutputStream()) {
      in.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor())
        .as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    return out;
  }
}
