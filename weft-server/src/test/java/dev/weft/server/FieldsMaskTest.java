package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FieldsMaskTest {
  private static final String LIST =
      """
      {"metadata": {"resourceVersion": "7", "continue": "2"},
       "items": [
         {"metadata": {"name": "a", "namespace": "ns", "uid": "u1"},
          "spec": {"entrypoint": "main"},
          "status": {"phase": "Running", "nodes": {"a": {}}}}]}
      """;

  private static JsonNode json(String text) throws IOException {
    return Codec.json().readTree(text);
  }

  @Test
  void keepsOnlyTheNamedPathsWalkingThroughLists() throws IOException {
    JsonNode out =
        FieldsMask.parse("metadata,items.metadata.name,items.status.phase").apply(json(LIST));

    assertThat(out)
        .isEqualTo(
            json(
                """
                {"metadata": {"resourceVersion": "7", "continue": "2"},
                 "items": [{"metadata": {"name": "a"}, "status": {"phase": "Running"}}]}
                """));
  }

  @Test
  void aLeadingMinusDropsTheNamedPathsAndKeepsTheRest() throws IOException {
    JsonNode out = FieldsMask.parse("-items.status.nodes,items.spec").apply(json(LIST));

    assertThat(out.path("items").get(0).has("spec")).isFalse();
    assertThat(out.path("items").get(0).path("status").has("nodes")).isFalse();
    assertThat(out.path("items").get(0).path("status").path("phase").asText()).isEqualTo("Running");
    assertThat(out.path("metadata").path("continue").asText()).isEqualTo("2");
  }

  @Test
  void noFieldsLeaveTheObjectAlone() throws IOException {
    assertThat(FieldsMask.parse(null).apply(json(LIST))).isEqualTo(json(LIST));
    assertThat(FieldsMask.parse("").isEmpty()).isTrue();
  }

  @Test
  void theWatchPrefixIsRemovedFromEveryPath() throws IOException {
    FieldsMask mask =
        FieldsMask.parse("result.object.metadata.name,result.object.status.phase")
            .withoutPrefix("result.object.");

    JsonNode out = mask.apply(json(LIST).path("items").get(0));

    assertThat(out)
        .isEqualTo(json("{\"metadata\": {\"name\": \"a\"}, \"status\": {\"phase\": \"Running\"}}"));
  }
}
