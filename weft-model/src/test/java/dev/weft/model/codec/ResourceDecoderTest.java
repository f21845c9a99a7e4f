package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ResourceDecoderTest {
  private static final String HELLO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: hello-
      spec:
        entrypoint: main
        templates:
        - name: main
          container:
            image: busybox
            command: [echo, hi]
      """;

  @Test
  void decodesAWorkflowIntoTypedRecords() {
    Decoded d = ResourceDecoder.decode(HELLO, "hello.yaml");
    assertThat(d.diagnostics()).isEmpty();
    Workflow wf = (Workflow) d.resources().get(0).value();
    assertThat(wf.metadata().generateName()).isEqualTo("hello-");
    assertThat(wf.spec().templates().get(0).body()).isInstanceOf(Template.ContainerBody.class);
  }

  @Test
  void everyConformanceWorkflowRoundTripsThroughTheCodec() throws IOException {
    for (Path f : corpus()) {
      for (var located : ResourceDecoder.decodeFile(f).resources()) {
        var value = located.value();
        assertThat(Codec.convert(Codec.tree(value), value.getClass()))
            .as(f.toString())
            .isEqualTo(value);
      }
    }
  }

  private static List<Path> corpus() throws IOException {
    Path examples =
        Path.of(System.getProperty("weft.shared", "../../shared"), "conformance/argo/examples");
    try (Stream<Path> s = Files.walk(examples)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void acceptsWeftsOwnGroup() {
    Decoded d =
        ResourceDecoder.decode(HELLO.replace("argoproj.io/v1alpha1", "weft.dev/v1alpha1"), "f");
    assertThat(d.diagnostics()).isEmpty();
  }

  @Test
  void readsEveryDocumentOfAMultiDocumentFile() {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}\n";
    Decoded d = ResourceDecoder.decode(HELLO + "---\n" + cm, "f.yaml");
    assertThat(d.resources()).hasSize(2);
    assertThat(d.resources().get(1).value()).isInstanceOf(ConfigMap.class);
  }

  @Test
  void unknownFieldIsAWarningWithLineColumnAndSuggestion() {
    Decoded d = ResourceDecoder.decode(HELLO.replace("command:", "comand:"), "hello.yaml");
    assertThat(d.resources()).hasSize(1);
    assertThat(d.diagnostics()).hasSize(1);
    Diagnostic w = d.diagnostics().get(0);
    assertThat(w.isError()).isFalse();
    assertThat(w.location()).isEqualTo(new SourceLocation("hello.yaml", 11, 7));
    assertThat(w.field()).isEqualTo("spec.templates[0].container.comand");
    assertThat(w.message()).contains("did you mean \"command\"");
  }

  @Test
  void wrongShapeIsAnErrorSayingWhatWasExpected() {
    Decoded d = ResourceDecoder.decode(HELLO.replace("[echo, hi]", "echo hi"), "hello.yaml");
    assertThat(d.hasErrors()).isTrue();
    Diagnostic e = d.diagnostics().get(0);
    assertThat(e.field()).isEqualTo("spec.templates[0].container.command");
    assertThat(e.message()).isEqualTo("expected a list, found the string \"echo hi\"");
    assertThat(e.location().line()).isEqualTo(11);
  }

  @Test
  void malformedYamlIsAnErrorWithItsLocation() {
    Decoded d = ResourceDecoder.decode("kind: Workflow\nmetadata: {name: x\n", "bad.yaml");
    assertThat(d.hasErrors()).isTrue();
    assertThat(d.diagnostics().get(0).format()).startsWith("bad.yaml:").contains("invalid YAML");
  }

  @Test
  void duplicateKeysAreAnError() {
    Decoded d = ResourceDecoder.decode(HELLO + "  entrypoint: again\n", "dup.yaml");
    assertThat(d.hasErrors()).isTrue();
    assertThat(d.diagnostics().get(0).message()).contains("Duplicate field");
  }

  @Test
  void unknownKindIsAnError() {
    Decoded d = ResourceDecoder.decode("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n", "p");
    assertThat(d.diagnostics())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("unknown kind \"Pod\""));
  }

  @Test
  void missingFileIsAnErrorNamingTheFile() {
    Decoded d = ResourceDecoder.decodeFile(Path.of("/nonexistent/wf.yaml"));
    assertThat(d.diagnostics().get(0).format())
        .isEqualTo("/nonexistent/wf.yaml: error: no such file");
  }

  @Test
  void everyConformanceExampleDecodesWithoutErrors() throws IOException {
    Path examples =
        Path.of(System.getProperty("weft.shared", "../../shared"), "conformance/argo/examples");
    List<Path> files;
    try (Stream<Path> s = Files.walk(examples)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    for (Path f : files) {
      Decoded d = ResourceDecoder.decodeFile(f);
      assertThat(d.diagnostics()).as(f.toString()).filteredOn(Diagnostic::isError).isEmpty();
      d.diagnostics().forEach(x -> System.out.println(x.format()));
    }
  }
}
