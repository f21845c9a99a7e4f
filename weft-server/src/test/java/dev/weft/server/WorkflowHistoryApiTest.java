package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The labels the UI finds a template's or cron's runs by, set on submit and kept on resubmit as
 * Argo does.
 */
class WorkflowHistoryApiTest {
  static ServerHarness h;

  private static final String SPEC =
      """
      "entrypoint": "main", "templates": [{"name": "main",
        "container": {"image": "busybox", "command": ["echo", "hi"]}}]
      """;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    var t =
        h.post(
            "/api/v1/workflow-templates/hist",
            "{\"template\": {\"metadata\": {\"name\": \"tmpl\"}, \"spec\": {" + SPEC + "}}}");
    assertThat(t.status()).as(t.body()).isEqualTo(200);
    var c =
        h.post(
            "/api/v1/cron-workflows/hist",
            "{\"cronWorkflow\": {\"metadata\": {\"name\": \"nightly\"}, \"spec\": {\"schedule\":"
                + " \"0 1 * * *\", \"workflowSpec\": {"
                + SPEC
                + "}}}}");
    assertThat(c.status()).as(c.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String submit(String kind, String name) {
    var r =
        h.post(
            "/api/v1/workflows/hist/submit",
            "{\"resourceKind\": \"" + kind + "\", \"resourceName\": \"" + name + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("metadata").path("name").asText();
  }

  private static List<String> listed(String selector) {
    var r =
        h.get(
            "/api/v1/workflows/hist?listOptions.labelSelector="
                + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode item : r.json().path("items")) {
      out.add(item.path("metadata").path("name").asText());
    }
    return out;
  }

  @Test
  void aTemplatesRunsAreListedByTheWorkflowTemplateLabel() {
    String run = submit("WorkflowTemplate", "tmpl");

    assertThat(listed("workflows.argoproj.io/workflow-template=tmpl")).contains(run);
    assertThat(listed("workflows.argoproj.io/workflow-template=other")).doesNotContain(run);
  }

  @Test
  void aCronsRunsAreListedByTheCronWorkflowLabel() {
    String run = submit("CronWorkflow", "nightly");

    assertThat(listed("workflows.argoproj.io/cron-workflow=nightly")).contains(run);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aResubmittedRunKeepsItsTemplateAndUserLabels() throws Exception {
    var created =
        h.post(
            "/api/v1/workflows/hist/submit",
            """
            {"resourceKind": "WorkflowTemplate", "resourceName": "tmpl",
             "submitOptions": {"labels": "team=a"}}
            """);
    String run = created.json().path("metadata").path("name").asText();
    h.awaitPhase("hist", run, "Succeeded");

    var again = h.put("/api/v1/workflows/hist/" + run + "/resubmit", "{}");

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    JsonNode labels = again.json().path("metadata").path("labels");
    assertThat(labels.path("workflows.argoproj.io/workflow-template").asText()).isEqualTo("tmpl");
    assertThat(labels.path("team").asText()).isEqualTo("a");
    assertThat(labels.path("workflows.argoproj.io/resubmitted-from-workflow").asText())
        .isEqualTo(run);
    assertThat(labels.has("workflows.argoproj.io/phase")).isFalse();
    assertThat(labels.has("workflows.argoproj.io/completed")).isFalse();
  }
}
