package dev.weft.provenance.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  private static Statement statement(
      List<ResourceDescriptor> subjects, String externalJson, List<ResourceDescriptor> logs)
      throws Exception {
    return new Statement(
        subjects,
        new BuildDefinition(
            "https://weft.dev/provenance/workflow/v1",
            JSON.readTree(externalJson),
            JSON.readTree("{\"weftVersion\": \"0.1.0\"}"),
            List.of(
                ResourceDescriptor.at(
                    "weft:secrets/default/token", Map.of(), Map.of("resourceVersion", "7")))),
        new RunDetails(
            "https://weft.dev/builder/run/sandboxed/v1",
            new java.util.TreeMap<>(Map.of("weft", "0.1.0")),
            "uid-1",
            Instant.parse("2026-12-06T10:00:00Z"),
            Instant.parse("2026-12-06T10:00:05Z"),
            logs));
  }

  @Test
  void theSameFactsGatheredInAnotherOrderGiveTheSameBytes() throws Exception {
    List<ResourceDescriptor> subjects =
        new ArrayList<>(
            List.of(
                ResourceDescriptor.sha256("ns/wf/x", A), ResourceDescriptor.sha256("ns/wf/y", B)));
    List<ResourceDescriptor> logs =
        new ArrayList<>(
            List.of(
                ResourceDescriptor.sha256("nodes/wf/x/log", A),
                ResourceDescriptor.sha256("nodes/wf/y/log", B)));
    byte[] first = statement(subjects, "{\"name\": \"wf\", \"namespace\": \"ns\"}", logs).toJson();
    Collections.reverse(subjects);
    Collections.reverse(logs);
    byte[] second = statement(subjects, "{\"namespace\": \"ns\", \"name\": \"wf\"}", logs).toJson();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void theStatementHasInTotoV1FieldsAndTheSlsaV1Predicate() throws Exception {
    JsonNode json =
        JSON.readTree(
            statement(
                    List.of(ResourceDescriptor.sha256("ns/wf/x", A)),
                    "{\"name\": \"wf\"}",
                    List.of())
                .toJson());

    assertThat(json.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(json.path("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
    assertThat(json.path("subject").get(0).path("digest").path("sha256").asText()).isEqualTo(A);
    assertThat(json.at("/predicate/runDetails/builder/id").asText())
        .isEqualTo("https://weft.dev/builder/run/sandboxed/v1");
    assertThat(json.at("/predicate/runDetails/metadata/startedOn").asText())
        .isEqualTo("2026-12-06T10:00:00Z");
    assertThat(
            json.at("/predicate/buildDefinition/resolvedDependencies/0/annotations/resourceVersion")
                .asText())
        .isEqualTo("7");
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("_type", "subject", "predicateType", "predicate");
  }

  @Test
  void aSubjectWithoutSha256IsRefused() {
    var byUriOnly = ResourceDescriptor.at("https://example.com/x", Map.of(), Map.of());

    assertThatThrownBy(() -> statement(List.of(byUriOnly), "{}", List.of()))
        .hasMessageContaining("has no sha256 digest");
  }

  @Test
  void twoSubjectsOfOneNameAreRefused() {
    assertThatThrownBy(
            () ->
                statement(
                    List.of(
                        ResourceDescriptor.sha256("ns/wf/x", A),
                        ResourceDescriptor.sha256("ns/wf/x", B)),
                    "{}",
                    List.of()))
        .hasMessageContaining("two subjects are named ns/wf/x");
  }

  @Test
  void inlineContentIsStandardBase64() throws Exception {
    var phase =
        ResourceDescriptor.inline(
            "weft_phase", "text/plain", "Succeeded".getBytes(StandardCharsets.UTF_8));

    assertThat(JSON.readTree(phase.toString()).path("content").asText()).isEqualTo("U3VjY2VlZGVk");
  }
}
