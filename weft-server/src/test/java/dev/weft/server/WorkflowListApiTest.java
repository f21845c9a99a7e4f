package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What Argo's UI asks of the workflow list, get and watch: fields, name filters, pages, times. */
class WorkflowListApiTest {
  static ServerHarness h;
  static Instant beforeAll;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    beforeAll = Instant.now().minusSeconds(1);
    for (String name : List.of("alpha-one", "alpha-two", "beta-one")) {
      var r =
          h.post("/api/v1/workflows/lists", ServerHarness.echoWorkflow(name, "{\"set\":\"x\"}"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      h.awaitPhase("lists", name, "Succeeded");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : list.path("items")) out.add(item.path("metadata").path("name").asText());
    return out;
  }

  @Test
  void fieldsKeepOnlyWhatTheUiAsksForInTheList() {
    var r =
        h.get(
            "/api/v1/workflows/lists?fields="
                + q("metadata,items.metadata.name,items.metadata.namespace,items.status.phase"));

    JsonNode item = r.json().path("items").get(0);
    assertThat(r.json().path("metadata").path("resourceVersion").asText()).isNotEmpty();
    assertThat(item.path("metadata").size()).isEqualTo(2);
    assertThat(item.has("spec")).isFalse();
    assertThat(item.path("status").size()).isEqualTo(1);
    assertThat(item.path("status").path("phase").asText()).isEqualTo("Succeeded");
  }

  @Test
  void aMinusInFieldsExcludesWhatFollows() {
    var r = h.get("/api/v1/workflows/lists?fields=" + q("-items.status.nodes,items.spec"));

    JsonNode item = r.json().path("items").get(0);
    assertThat(item.has("spec")).isFalse();
    assertThat(item.path("status").has("nodes")).isFalse();
    assertThat(item.path("status").path("phase").asText()).isEqualTo("Succeeded");
  }

  @Test
  void fieldsTrimASingleWorkflow() {
    var r = h.get("/api/v1/workflows/lists/alpha-one?fields=" + q("metadata.name,status.phase"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("metadata").size()).isEqualTo(1);
    assertThat(r.json().has("spec")).isFalse();
    assertThat(r.json().path("status").path("phase").asText()).isEqualTo("Succeeded");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void fieldsTrimTheWatchedObjects() throws Exception {
    HttpResponse<InputStream> stream =
        h.client.send(
            h.request(
                    "/api/v1/workflow-events/lists?fields="
                        + q("result.object.metadata.name,result.object.status.phase"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      JsonNode event = new ServerHarness.Response(200, reader.readLine()).json();
      JsonNode object = event.path("result").path("object");
      assertThat(event.path("result").path("type").asText()).isEqualTo("ADDED");
      assertThat(object.path("metadata").size()).isEqualTo(1);
      assertThat(object.has("spec")).isFalse();
      assertThat(object.path("status").path("phase").asText()).isEqualTo("Succeeded");
    }
  }

  @Test
  void nameFilterSaysHowTheFieldSelectorsNameCompares() {
    String base = "/api/v1/workflows/lists?listOptions.fieldSelector=" + q("metadata.name=");
    assertThat(names(h.get(base + "one&nameFilter=Contains").json()))
        .containsExactlyInAnyOrder("alpha-one", "beta-one");
    assertThat(names(h.get(base + "alpha&nameFilter=Prefix").json()))
        .containsExactlyInAnyOrder("alpha-one", "alpha-two");
    assertThat(names(h.get(base + "alpha-one&nameFilter=NotEquals").json()))
        .containsExactlyInAnyOrder("alpha-two", "beta-one");
    assertThat(names(h.get(base + "alpha-one&nameFilter=Exact").json()))
        .containsExactly("alpha-one");
    assertThat(names(h.get(base + "alpha-one").json())).containsExactly("alpha-one");
  }

  @Test
  void phasesAreFilteredByThePhaseLabelAsTheUiAsks() {
    String selector = q("workflows.argoproj.io/phase in (Succeeded,Failed)");

    assertThat(names(h.get("/api/v1/workflows/lists?listOptions.labelSelector=" + selector).json()))
        .hasSize(3);
    assertThat(
            names(
                h.get(
                        "/api/v1/workflows/lists?listOptions.labelSelector="
                            + q("workflows.argoproj.io/phase in (Running)"))
                    .json()))
        .isEmpty();
  }

  @Test
  void thePhaseFieldSelectorMatchesOrExcludes() {
    String base = "/api/v1/workflows/lists?listOptions.fieldSelector=";

    assertThat(names(h.get(base + q("status.phase=Succeeded")).json())).hasSize(3);
    assertThat(names(h.get(base + q("status.phase!=Succeeded")).json())).isEmpty();
  }

  @Test
  void anUnknownNameFilterIsABadRequest() {
    var r = h.get("/api/v1/workflows/lists?nameFilter=Regex");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("nameFilter");
  }

  @Test
  void anEmptyWorkflowListHasNullItemsAsArgoWritesIt() {
    var r =
        h.get(
            "/api/v1/workflows/lists?nameFilter=Contains&listOptions.fieldSelector="
                + q("metadata.name=void"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().has("items")).isTrue();
    assertThat(r.json().path("items").isNull()).isTrue();
  }

  @Test
  void pagesFollowTheContinueTokenUntilTheLastOne() {
    var first = h.get("/api/v1/workflows/lists?listOptions.limit=2");
    String token = first.json().path("metadata").path("continue").asText();
    var second = h.get("/api/v1/workflows/lists?listOptions.limit=2&listOptions.continue=" + token);

    assertThat(names(first.json())).hasSize(2);
    assertThat(token).isNotEmpty();
    assertThat(names(second.json())).hasSize(1).doesNotContainAnyElementsOf(names(first.json()));
    assertThat(second.json().path("metadata").has("continue")).isFalse();
  }

  @Test
  void remainingItemCountIsGivenWhenAskedForAsArgoDoes() {
    var r =
        h.get(
            "/api/v1/workflows/lists?listOptions.limit=1&listOptions.fieldSelector="
                + q("ext.showRemainingItemCount=true"));

    assertThat(r.json().path("metadata").path("remainingItemCount").asLong()).isEqualTo(2);
  }

  @Test
  void aTamperedContinueTokenIsABadRequest() {
    var r = h.get("/api/v1/workflows/lists?listOptions.limit=1&listOptions.continue=abc");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("listOptions.continue");
    assertThat(h.get("/api/v1/workflows/lists?listOptions.continue=-1").status()).isEqualTo(400);
  }

  @Test
  void theNewestFinishedWorkflowComesFirst() {
    assertThat(names(h.get("/api/v1/workflows/lists").json()))
        .containsExactly("beta-one", "alpha-two", "alpha-one");
  }

  @Test
  void createdAfterAndFinishedBeforeFilterByTime() {
    String future = q(Instant.now().plusSeconds(3600).toString());
    String past = q(beforeAll.toString());

    assertThat(names(h.get("/api/v1/workflows/lists?createdAfter=" + past).json())).hasSize(3);
    assertThat(names(h.get("/api/v1/workflows/lists?createdAfter=" + future).json())).isEmpty();
    assertThat(names(h.get("/api/v1/workflows/lists?finishedBefore=" + future).json())).hasSize(3);
    assertThat(names(h.get("/api/v1/workflows/lists?finishedBefore=" + past).json())).isEmpty();
    assertThat(h.get("/api/v1/workflows/lists?createdAfter=yesterday").status()).isEqualTo(400);
  }

  @Test
  void startedAtBoundsInTheFieldSelectorFilterAsArgos() {
    String selector = q("spec.startedAt>" + beforeAll + ",spec.startedAt<" + Instant.now());

    assertThat(names(h.get("/api/v1/workflows/lists?listOptions.fieldSelector=" + selector).json()))
        .hasSize(3);
  }

  @Test
  void anExcludedNamespaceListsTheOthers() {
    var r = h.get("/api/v1/workflows/?listOptions.fieldSelector=" + q("metadata.namespace!=lists"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(names(r.json())).doesNotContain("alpha-one", "alpha-two", "beta-one");
  }

  @Test
  void anUnsupportedFieldSelectorRequirementIsABadRequest() {
    var r = h.get("/api/v1/workflows/lists?listOptions.fieldSelector=" + q("spec.entrypoint=x"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("unsupported requirement");
  }
}
