package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Template and CronWorkflow answers as Argo Server gives them. */
class ResourceListsApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    var c =
        h.post(
            "/api/v1/cron-workflows/crons",
            """
            {"cronWorkflow": {"metadata": {"name": "nightly"}, "spec": {"schedule": "0 1 * * *",
              "workflowSpec": {"entrypoint": "main", "templates": [{"name": "main",
                "container": {"image": "busybox", "command": ["echo", "night"]}}]}}}}
            """);
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    for (String name : List.of("build-b", "build-a", "deploy")) {
      var t =
          h.post(
              "/api/v1/workflow-templates/tmpls",
              """
              {"template": {"metadata": {"name": "%s"}, "spec": {"entrypoint": "main",
                "templates": [{"name": "main", "container": {"image": "busybox"}}]}}}
              """
                  .formatted(name));
      assertThat(t.status()).as(t.body()).isEqualTo(200);
    }
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode item : list.path("items")) out.add(item.path("metadata").path("name").asText());
    return out;
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  void suspendWritesSpecSuspendAndAnswersTheCronWorkflow() {
    var r = h.put("/api/v1/cron-workflows/crons/nightly/suspend", "{}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("kind").asText()).isEqualTo("CronWorkflow");
    assertThat(r.json().path("metadata").path("name").asText()).isEqualTo("nightly");
    assertThat(r.json().path("spec").path("suspend").asBoolean()).isTrue();
    assertThat(
            h.get("/api/v1/cron-workflows/crons/nightly")
                .json()
                .path("spec")
                .path("suspend")
                .asBoolean())
        .isTrue();
  }

  @Test
  void resumeWritesSuspendFalseAsArgosMergePatchDoes() {
    h.put("/api/v1/cron-workflows/crons/nightly/suspend", "{}");

    var r = h.put("/api/v1/cron-workflows/crons/nightly/resume", "{}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("spec").path("suspend").isBoolean()).isTrue();
    assertThat(r.json().path("spec").path("suspend").asBoolean()).isFalse();
  }

  @Test
  void suspendingAnAbsentCronWorkflowIsNotFound() {
    assertThat(h.put("/api/v1/cron-workflows/crons/absent/suspend", "{}").status()).isEqualTo(404);
  }

  @Test
  void namePatternKeepsTheTemplatesWhoseNameContainsIt() {
    var r = h.get("/api/v1/workflow-templates/tmpls?namePattern=build");

    assertThat(names(r.json())).containsExactly("build-a", "build-b");
  }

  @Test
  void templatesArePagedInNameOrder() {
    var first = h.get("/api/v1/workflow-templates/tmpls?listOptions.limit=2");
    String token = first.json().path("metadata").path("continue").asText();
    var second =
        h.get("/api/v1/workflow-templates/tmpls?listOptions.limit=2&listOptions.continue=" + token);

    assertThat(names(first.json())).containsExactly("build-a", "build-b");
    assertThat(names(second.json())).containsExactly("deploy");
    assertThat(second.json().path("metadata").has("continue")).isFalse();
    assertThat(h.get("/api/v1/workflow-templates/tmpls?listOptions.continue=x").status())
        .isEqualTo(400);
  }

  @Test
  void emptyTemplateAndCronListsHaveEmptyItemsAsKubernetesAnswers() {
    for (String path :
        new String[] {
          "/api/v1/workflow-templates/nothing-here",
          "/api/v1/cluster-workflow-templates",
          "/api/v1/cron-workflows/nothing-here"
        }) {
      var r = h.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.json().path("items").isArray()).as(path).isTrue();
      assertThat(r.json().path("items")).as(path).isEmpty();
    }
  }
}
