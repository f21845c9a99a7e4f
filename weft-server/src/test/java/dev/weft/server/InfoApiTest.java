package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Argo's InfoResponse at GET /api/v1/info, from what the operator configured. */
class InfoApiTest {
  @Test
  void withNothingConfiguredOnlyTheModalsAreThereAllOff() throws Exception {
    try (ServerHarness h = new ServerHarness()) {
      JsonNode info = h.get("/api/v1/info").json();

      assertThat(info.has("managedNamespace")).isFalse();
      assertThat(info.has("links")).isFalse();
      assertThat(info.has("columns")).isFalse();
      assertThat(info.path("modals").path("feedback").asBoolean(true)).isFalse();
      assertThat(info.path("modals").path("firstTimeUser").isBoolean()).isTrue();
      assertThat(info.path("modals").path("newVersion").isBoolean()).isTrue();
    }
  }

  @Test
  void theConfiguredNamespaceLinksColumnsAndColourAreAnswered() throws Exception {
    ServerInfo configured =
        new ServerInfo(
            "team-a",
            List.of(ServerInfo.link("Logs,workflow,https://logs.example/${metadata.name}")),
            List.of(ServerInfo.column("Team,label,team")),
            "darkblue",
            Set.of("feedback"));
    try (ServerHarness h = new ServerHarness(configured)) {
      JsonNode info = h.get("/api/v1/info").json();

      assertThat(info.path("managedNamespace").asText()).isEqualTo("team-a");
      assertThat(info.path("links").get(0).path("name").asText()).isEqualTo("Logs");
      assertThat(info.path("links").get(0).path("scope").asText()).isEqualTo("workflow");
      assertThat(info.path("links").get(0).path("url").asText())
          .isEqualTo("https://logs.example/${metadata.name}");
      assertThat(info.path("columns").get(0).path("type").asText()).isEqualTo("label");
      assertThat(info.path("columns").get(0).path("key").asText()).isEqualTo("team");
      assertThat(info.path("navColor").asText()).isEqualTo("darkblue");
      assertThat(info.path("modals").path("feedback").asBoolean()).isTrue();
    }
  }
}
