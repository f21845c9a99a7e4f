package dev.weft.server;

import static dev.weft.server.EventFixtures.store;
import static dev.weft.server.EventFixtures.template;
import static dev.weft.server.EventFixtures.workflowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowEventBinding;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a selector sees, row by row: each row posts one event (with the bearer token) to a namespace
 * of its own, whose one binding's selector is the row's expectation. A workflow made means the
 * selector held.
 */
class EventEnvironmentApiTest {
  static ServerHarness h;
  private static final AtomicInteger NEXT = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  /** One row: a selector, the path after the namespace, headers (name, value, ...) and a body. */
  private static boolean holds(String selector, String pathTail, String body, String... headers) {
    String ns = "env-" + NEXT.incrementAndGet();
    template(h, "WorkflowTemplate", ns, "t");
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: row, namespace: %s}
        spec:
          event: {selector: '%s'}
          submit: {workflowTemplateRef: {name: t}}
        """
            .formatted(ns, selector.replace("'", "''")));
    HttpRequest.Builder b =
        h.request("/api/v1/events/" + ns + pathTail)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    var r = h.send(b.build());
    assertThat(r.status()).as(selector + ": " + r.body()).isEqualTo(200);
    return workflowsOf(h, ns, "row").size() == 1;
  }

  @Test
  void headerNamesAreLowercasedAndValuesAreLists() {
    assertThat(
            holds(
                "metadata[\"x-custom-header\"] == [\"Value\"]",
                "/",
                "{}",
                "X-CUSTOM-Header",
                "Value"))
        .isTrue();
    assertThat(holds("\"X-Custom-Header\" in metadata", "/", "{}", "X-Custom-Header", "v"))
        .isFalse();
  }

  @Test
  void aRepeatedHeaderHasEachValueInOrder() {
    assertThat(
            holds(
                "metadata[\"x-multi\"] == [\"a\", \"b\"]",
                "/",
                "{}",
                "X-Multi",
                "a",
                "X-Multi",
                "b"))
        .isTrue();
  }

  @Test
  void onlyXHeadersAreVisibleAndNeverTheToken() {
    assertThat(holds("\"authorization\" in metadata || \"content-type\" in metadata", "/", "{}"))
        .isFalse();
  }

  @Test
  void theGatewaysForwardedHostAndForIsSet() {
    assertThat(
            holds(
                "len(metadata[\"x-forwarded-host\"]) == 1 && metadata[\"x-forwarded-for\"] =="
                    + " [\"127.0.0.1\"]",
                "/",
                "{}"))
        .isTrue();
  }

  @Test
  void aTrailingSlashOrNoneIsAnEmptyDiscriminator() {
    assertThat(holds("discriminator == \"\"", "/", "{}")).isTrue();
    assertThat(holds("discriminator == \"\"", "", "{}")).isTrue();
    assertThat(holds("discriminator == \"github\"", "/github", "{}")).isTrue();
  }

  @Test
  void aPlusInTheDiscriminatorIsAPlusAsInGoPathsNotASpace() {
    assertThat(holds("discriminator == \"c++\"", "/c++", "{}")).isTrue();
  }

  @Test
  void theNamespaceIsTheOnePostedTo() {
    assertThat(holds("hasPrefix(namespace, \"env-\")", "/", "{}")).isTrue();
  }

  @Test
  void payloadsNeedNotBeObjects() {
    for (List<String> row :
        List.of(
            List.of("payload == [1, 2]", "[1, 2]"),
            List.of("payload == \"text\"", "\"text\""),
            List.of("payload == 3", "3"),
            List.of("payload == 3.5", "3.5"),
            List.of("payload == true", "true"),
            List.of("payload == nil", "null"),
            List.of("payload == nil", ""))) {
      assertThat(holds(row.get(0), "/", row.get(1))).as(row.get(1)).isTrue();
    }
  }

  @Test
  void anyNameOutsideTheEnvironmentIsAnErrorNotFalse() {
    String ns = "env-unknown";
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: row, namespace: %s}
        spec: {event: {selector: 'false && workflow.name == ""'}}
        """
            .formatted(ns));
    var r =
        h.send(
            h.request("/api/v1/events/" + ns + "/")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json().path("message").asText()).contains("unknown name workflow");
  }

  @Test
  void sprigIsNotAvailableToSelectors() {
    String ns = "env-sprig";
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: row, namespace: %s}
        spec: {event: {selector: 'sprig.upper("a") == "A"'}}
        """
            .formatted(ns));
    var r =
        h.send(
            h.request("/api/v1/events/" + ns + "/")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(r.status()).isEqualTo(500);
  }
}
