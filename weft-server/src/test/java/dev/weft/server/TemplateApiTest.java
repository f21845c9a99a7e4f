package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TemplateApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String template(String name, String word) {
    return """
        {"template": {"metadata": {"name": "%s"}, "spec": {"entrypoint": "main",
          "arguments": {"parameters": [{"name": "word", "value": "%s"}]},
          "templates": [{"name": "main", "inputs": {"parameters": [{"name": "word"}]},
            "container": {"image": "busybox", "command": ["echo", "{{inputs.parameters.word}}"]}}]}}}
        """
        .formatted(name, word);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void workflowTemplateCrudAndSubmit() throws Exception {
    String base = "/api/v1/workflow-templates/default";
    var created = h.post(base, template("greet", "hi"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(h.post(base, template("greet", "hi")).status()).isEqualTo(409);
    assertThat(h.get(base).json().path("items")).hasSize(1);
    assertThat(h.get(base + "/greet").json().path("spec").path("entrypoint").asText())
        .isEqualTo("main");
    var updated = h.put(base + "/greet", template("greet", "hello"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(h.post(base + "/lint", template("greet", "x")).status()).isEqualTo(200);

    var submitted =
        h.post(
            "/api/v1/workflows/default/submit",
            """
            {"resourceKind": "WorkflowTemplate", "resourceName": "greet",
             "submitOptions": {"parameters": ["word=submitted"], "labels": "via=api"}}
            """);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    var meta = submitted.json().path("metadata");
    assertThat(meta.path("name").asText()).startsWith("greet-");
    assertThat(meta.path("labels").path("via").asText()).isEqualTo("api");
    assertThat(meta.path("labels").path("workflows.argoproj.io/workflow-template").asText())
        .isEqualTo("greet");
    h.awaitPhase("default", meta.path("name").asText(), "Succeeded");

    assertThat(
            h.post(
                    "/api/v1/workflows/default/submit",
                    "{\"resourceKind\":\"WorkflowTemplate\",\"resourceName\":\"absent\"}")
                .status())
        .isEqualTo(404);
    assertThat(h.delete(base + "/greet").status()).isEqualTo(200);
    assertThat(h.get(base + "/greet").status()).isEqualTo(404);
  }

  @Test
  void anUpdateWithoutAResourceVersionThatLosesARaceIsWrittenOverTheWinner() throws Exception {
    try (ServerHarness raced = ServerHarness.interleaving(dev.weft.controller.HostAccess.none())) {
      String base = "/api/v1/workflow-templates/default";
      assertThat(raced.post(base, template("raced", "hi")).status()).isEqualTo(200);
      raced.interleavingStore().annotateBeforeNextUpdate(o -> "raced".equals(o.metadata().name()));

      var updated = raced.put(base + "/raced", template("raced", "hello"));

      assertThat(updated.status()).as(updated.body()).isEqualTo(200);
      assertThat(
              raced.get(base + "/raced").json().at("/spec/arguments/parameters/0/value").asText())
          .isEqualTo("hello");
    }
  }

  @Test
  void anUpdateWithAStaleResourceVersionIsAConflict() {
    String base = "/api/v1/workflow-templates/default";
    assertThat(h.post(base, template("versioned", "hi")).status()).isEqualTo(200);
    String version = h.get(base + "/versioned").json().at("/metadata/resourceVersion").asText();
    String body =
        template("versioned", "one")
            .replace(
                "{\"name\": \"versioned\"}",
                "{\"name\": \"versioned\", \"resourceVersion\": \"" + version + "\"}");
    assertThat(h.put(base + "/versioned", body).status()).isEqualTo(200);

    var stale = h.put(base + "/versioned", body.replace("\"one\"", "\"two\""));

    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
  }

  @Test
  void anUpdateOfAMissingTemplateIsNotFoundWithOrWithoutAResourceVersion() {
    String base = "/api/v1/workflow-templates/default";
    String body = template("absent", "hi");

    assertThat(h.put(base + "/absent", body).status()).isEqualTo(404);
    assertThat(
            h.put(
                    base + "/absent",
                    body.replace(
                        "{\"name\": \"absent\"}",
                        "{\"name\": \"absent\", \"resourceVersion\": \"1\"}"))
                .status())
        .isEqualTo(404);
  }

  /** As on the API server, an empty resourceVersion is no precondition (Go omits it). */
  @Test
  void anUpdateWithAnEmptyResourceVersionReplacesTheStoredTemplate() {
    String base = "/api/v1/workflow-templates/default";
    assertThat(h.post(base, template("unversioned", "hi")).status()).isEqualTo(200);

    var updated =
        h.put(
            base + "/unversioned",
            template("unversioned", "hello")
                .replace(
                    "{\"name\": \"unversioned\"}",
                    "{\"name\": \"unversioned\", \"resourceVersion\": \"\"}"));

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(
            h.get(base + "/unversioned").json().at("/spec/arguments/parameters/0/value").asText())
        .isEqualTo("hello");
  }

  @Test
  void templatesOfEveryNamespaceAreListedWithoutANamespace() {
    h.post("/api/v1/workflow-templates/team-a", template("in-a", "a"));
    h.post("/api/v1/workflow-templates/team-b", template("in-b", "b"));

    var all = h.get("/api/v1/workflow-templates/").json().path("items");

    assertThat(all.findValuesAsText("name")).contains("in-a", "in-b");
  }

  @Test
  void submitAcceptsArgosPluralAndShortKindNames() {
    h.post("/api/v1/workflow-templates/default", template("kinds", "k"));

    var plural =
        h.post(
            "/api/v1/workflows/default/submit",
            "{\"resourceKind\":\"workflowtemplates\",\"resourceName\":\"kinds\","
                + "\"submitOptions\":{\"serverDryRun\":true,\"annotations\":\"a=b\"}}");

    assertThat(plural.status()).as(plural.body()).isEqualTo(200);
    assertThat(plural.json().path("metadata").path("annotations").path("a").asText())
        .isEqualTo("b");
  }

  @Test
  void clusterTemplatesAndCronWorkflows() {
    String cluster = "/api/v1/cluster-workflow-templates";
    assertThat(h.post(cluster, template("shared", "x")).status()).isEqualTo(200);
    assertThat(h.get(cluster + "/shared").json().path("metadata").has("namespace")).isFalse();
    assertThat(h.get(cluster).json().path("items")).hasSize(1);
    assertThat(h.delete(cluster + "/shared").status()).isEqualTo(200);

    String cron = "/api/v1/cron-workflows/default";
    String body =
        """
        {"cronWorkflow": {"metadata": {"name": "nightly"}, "spec": {"schedule": "0 1 * * *",
          "workflowSpec": {"entrypoint": "main", "templates": [{"name": "main",
            "container": {"image": "busybox", "command": ["echo", "night"]}}]}}}}
        """;
    var created = h.post(cron, body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    var suspended = h.put(cron + "/nightly/suspend", "{}");
    assertThat(suspended.json().path("spec").path("suspend").asBoolean()).isTrue();
    assertThat(h.post(cron, body.replace("0 1 * * *", "not a schedule")).status()).isEqualTo(400);
    assertThat(h.delete(cron + "/nightly").status()).isEqualTo(200);
  }
}
