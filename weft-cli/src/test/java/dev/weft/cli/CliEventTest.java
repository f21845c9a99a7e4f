package dev.weft.cli;

import static dev.weft.cli.EventDeliveryFixtures.PENDING;
import static dev.weft.cli.EventDeliveryFixtures.PUSH;
import static dev.weft.cli.EventDeliveryFixtures.answer;
import static dev.weft.cli.EventDeliveryFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.CliHarness.Result;
import dev.weft.cli.FakeEventServer.Received;
import dev.weft.model.codec.Codec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `weft event list|get|send|redeliver` over real HTTP against {@link FakeEventServer}, which
 * answers the EventDelivery routes with contract-shaped JSON.
 */
@Timeout(30)
class CliEventTest {
  private static final String DELIVERIES = "/api/v1/event-deliveries/default";
  @TempDir Path dir;
  FakeEventServer fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeEventServer();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void listShowsEachDeliveryWithItsMatchedCountAndWorkflows() {
    fake.answer("GET", DELIVERIES, list(PENDING, PUSH));
    Result r = fake.weft("event", "list");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out().lines().toList().get(0))
        .matches("NAME\\s+RECEIVED\\s+CLIENT\\s+DISCRIMINATOR\\s+PHASE\\s+MATCHED\\s+WORKFLOWS");
    assertThat(r.out())
        .containsPattern(
            "(?m)^ev-0123456789abcdef0123\\s+\\S+\\s+github\\s+github\\s+Dispatched\\s+"
                + "1/3 \\(1 failed\\)\\s+on-push-1a2b3c4d5e$")
        .containsPattern("(?m)^ev-ffffffffffffffffffff\\s+\\S+\\s+-\\s+-\\s+Pending\\s+0/0\\s+-$");
  }

  @Test
  void listKeepsTheServersNewestFirstOrder() {
    fake.answer("GET", DELIVERIES, list(PENDING, PUSH));
    String out = fake.weft("event", "list").out();
    assertThat(out.indexOf("ev-ffffffffffffffffffff")).isLessThan(out.indexOf("ev-0123"));
  }

  @Test
  void listOfAnotherNamespaceAsksForThatNamespace() {
    fake.answer("GET", "/api/v1/event-deliveries/ci", list());
    Result r = fake.weft("event", "list", "-n", "ci");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).isEqualTo("No event deliveries found in namespace ci\n");
  }

  @Test
  void listSendsTheBearerToken() {
    fake.answer("GET", DELIVERIES, list());
    fake.weft("event", "list");
    assertThat(fake.requests().get(0).header("Authorization"))
        .isEqualTo("Bearer " + FakeEventServer.TOKEN);
  }

  @Test
  void getShowsWhatArrivedFromWhichClient() {
    fake.answer("GET", DELIVERIES + "/ev-0123456789abcdef0123", PUSH);
    Result r = fake.weft("event", "get", "ev-0123456789abcdef0123");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^Client:\\s+github$")
        .containsPattern("(?m)^Discriminator:\\s+github$")
        .containsPattern("(?m)^Received:\\s+\\w{3} Dec 06 ")
        .containsPattern("(?m)^Attempts:\\s+2$")
        .containsPattern("(?m)^  x-github-event:\\s+push$")
        .contains("Payload:\n  {\n    \"ref\" : \"refs/heads/main\",");
  }

  @Test
  void getShowsEachBindingsResultAndWhy() {
    fake.answer("GET", DELIVERIES + "/ev-0123456789abcdef0123", PUSH);
    String out = fake.weft("event", "get", "ev-0123456789abcdef0123").out();
    assertThat(out)
        .containsPattern("(?m)^  NAME\\s+RESULT\\s+WORKFLOW\\s+MESSAGE$")
        .containsPattern("(?m)^  broken\\s+Failed\\s+-\\s+failed to evaluate workflow template")
        .containsPattern("(?m)^  on-push\\s+Submitted\\s+on-push-1a2b3c4d5e$")
        .containsPattern(
            "(?m)^  on-tag\\s+NotMatched\\s+-\\s+payload.ref startsWith \"refs/tags/\"$")
        .containsPattern("(?m)^Workflows:\\n  on-push-1a2b3c4d5e$");
  }

  @Test
  void getOfAnEventSentWithTheTokenSaysSoAndThatNothingWasEvaluatedYet() {
    fake.answer("GET", DELIVERIES + "/ev-ffffffffffffffffffff", PENDING);
    String out = fake.weft("event", "get", "ev-ffffffffffffffffffff").out();
    assertThat(out)
        .containsPattern("(?m)^Client:\\s+\\(none: sent with the bearer token\\)$")
        .containsPattern("(?m)^Phase:\\s+Pending$")
        .contains("Bindings:\n  none evaluated\n")
        .contains("Workflows:\n  none started\n");
  }

  @Test
  void getShowsControlCharactersASenderChoseEscaped() {
    String hostile =
        PENDING.replace("\"discriminator\": \"\"", "\"discriminator\": \"a\\u001b[2Jb\"");
    fake.answer("GET", DELIVERIES + "/ev-ffffffffffffffffffff", hostile);
    String out = fake.weft("event", "get", "ev-ffffffffffffffffffff").out();
    assertThat(out)
        .doesNotContain("\u001b")
        .containsPattern("(?m)^Discriminator:\\s+a\\\\u001b\\[2Jb$");
  }

  @Test
  void getAsJsonIsTheObjectTheServerSent() throws Exception {
    fake.answer("GET", DELIVERIES + "/ev-0123456789abcdef0123", PUSH);
    Result r = fake.weft("event", "get", "ev-0123456789abcdef0123", "-o", "json");
    assertThat(Codec.json().readTree(r.out())).isEqualTo(Codec.json().readTree(PUSH));
  }

  @Test
  void getOfAMissingDeliveryIsOneClearError() {
    Result r = fake.weft("event", "get", "ev-nope");
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo(
            "weft: not found: /api/v1/event-deliveries/default/ev-nope (no event delivery ev-nope"
                + " in namespace default; `weft event list -n default` lists them)");
  }

  @Test
  void sendPostsTheBodyByteForByteToTheDiscriminatorsPath() throws Exception {
    fake.answer("POST", "/api/v1/events/default/github", answer("ev-1"));
    byte[] body =
        "{ \"ref\" :\n  \"refs/heads/main\", \"who\": \"Zoë\" }\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("push.json"), body);
    Result r = fake.weft("event", "send", "github", "-f", file.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    Received sent = fake.requests().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.body()).isEqualTo(body);
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + FakeEventServer.TOKEN);
  }

  @Test
  void sendReadsTheBodyFromStandardInputForADash() {
    fake.answer("POST", "/api/v1/events/default/", answer("ev-1"));
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream("{\"from\": \"stdin\"}".getBytes(StandardCharsets.UTF_8)));
      Result r = fake.weft("event", "send", "-f", "-");
      assertThat(r.exit()).as(r.all()).isZero();
    } finally {
      System.setIn(stdin);
    }
    assertThat(fake.requests().get(0).bodyText()).isEqualTo("{\"from\": \"stdin\"}");
  }

  @Test
  void sendPassesHeadersAndTheIdempotencyKey() {
    fake.answer("POST", "/api/v1/events/default/", answer("ev-1"));
    Result r =
        fake.weft(
            "event",
            "send",
            "-d",
            "{}",
            "-H",
            "X-GitHub-Event: push",
            "-H",
            "X-Team:  a b ",
            "--idempotency-key",
            "k-1");
    assertThat(r.exit()).as(r.all()).isZero();
    Received sent = fake.requests().get(0);
    assertThat(sent.header("X-GitHub-Event")).isEqualTo("push");
    assertThat(sent.header("X-Team")).isEqualTo("a b");
    assertThat(sent.header("Idempotency-Key")).isEqualTo("k-1");
  }

  @Test
  void sendWithoutADiscriminatorPostsToTheNamespaceWithATrailingSlash() {
    fake.answer("POST", "/api/v1/events/ci/", answer("ev-1"));
    Result r = fake.weft("event", "send", "-n", "ci", "-d", "[1,2]");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(fake.requests().get(0).rawPath()).isEqualTo("/api/v1/events/ci/");
  }

  @Test
  void sendPrintsTheDeliveryAndTheWorkflowsStarted() {
    fake.answer(
        "POST",
        "/api/v1/events/default/github",
        200,
        answer("ev-0123456789abcdef0123", "on-push-1a2b3c4d5e", "other-0000000000"),
        Map.of("X-Weft-Event-Delivery", "ev-0123456789abcdef0123"));
    Result r = fake.weft("event", "send", "github", "-d", "{}");
    assertThat(r.out())
        .isEqualTo(
            "Delivery:            ev-0123456789abcdef0123\n"
                + "Workflows:           on-push-1a2b3c4d5e, other-0000000000\n");
  }

  @Test
  void sendSaysWhereToLookWhenNoWorkflowStarted() {
    fake.answer("POST", "/api/v1/events/default/github", answer("ev-2"));
    Result r = fake.weft("event", "send", "github", "-d", "{}");
    assertThat(r.out())
        .contains("Workflows:           none started (weft event get ev-2 says why)");
  }

  @Test
  void sendAsNamePrintsOnlyTheDelivery() {
    fake.answer("POST", "/api/v1/events/default/github", answer("ev-3", "wf-1"));
    assertThat(fake.weft("event", "send", "github", "-d", "{}", "-o", "name").out())
        .isEqualTo("ev-3\n");
  }

  @Test
  void sendToAServerThatAnswersArgosEmptyObjectStillSucceeds() {
    fake.answer("POST", "/api/v1/events/default/github", "{}");
    Result r = fake.weft("event", "send", "github", "-d", "{}");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).startsWith("Delivery:            (the server named none)\n");
  }

  @Test
  void aFailedBindingIsAnErrorThatNamesTheRecordedDelivery() {
    fake.answer(
        "POST",
        "/api/v1/events/default/github",
        500,
        "{\"code\":2,\"message\":\"failed to dispatch event: boom\"}",
        Map.of("X-Weft-Event-Delivery", "ev-4"));
    Result r = fake.weft("event", "send", "github", "-d", "{}");
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo(
            "weft: failed to dispatch event: boom (recorded as event delivery ev-4: `weft event"
                + " get ev-4` shows each binding's result)");
  }

  @Test
  void sendRefusesABodyThatIsNotJsonWithoutSendingIt() {
    Result r = fake.weft("event", "send", "-d", "{\"a\": 1} trailing");
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith("weft: -d: the event body is not JSON: ");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void sendRefusesAnEmptyBody() {
    Result r = fake.weft("event", "send", "-d", " ");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("the event body is empty");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void sendRefusesAMissingFile() {
    Result r = fake.weft("event", "send", "-f", dir.resolve("none.json").toString());
    r.assertOneBadInputError();
    assertThat(r.error()).endsWith("none.json: no such file");
  }

  @Test
  void sendRefusesAHeaderWithoutAName() {
    Result r = fake.weft("event", "send", "-d", "{}", "-H", "no colon here");
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo(
            "weft: -H \"no colon here\": expected a header as 'Name: value', such as"
                + " 'X-GitHub-Event: push'");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void sendRefusesAHeaderTheHttpClientMayNotSet() {
    Result r = fake.weft("event", "send", "-d", "{}", "-H", "Host: elsewhere");
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith("weft: header \"Host\" cannot be sent");
  }

  @Test
  void sendNeedsABody() {
    Result r = fake.weft("event", "send", "github");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required argument");
    r.assertNoStackTrace();
  }

  @Test
  void sendTakesAFileOrData() {
    Result r = fake.weft("event", "send", "-d", "{}", "-f", "x.json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void redeliverPostsToTheDeliveryAndPrintsTheAnswer() throws Exception {
    fake.answer(
        "POST",
        DELIVERIES + "/ev-0123456789abcdef0123/redeliver",
        answer("ev-0123456789abcdef0123", "on-tag-9f8e7d6c5b"));
    Result r = fake.weft("event", "redeliver", "ev-0123456789abcdef0123");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("Workflows:           on-tag-9f8e7d6c5b");
    JsonNode sent = Codec.json().readTree(fake.requests().get(0).bodyText());
    assertThat(sent.isObject()).isTrue();
  }

  @Test
  void redeliverOfAMissingDeliveryIsOneClearError() {
    Result r = fake.weft("event", "redeliver", "ev-gone", "-n", "ci");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("no event delivery ev-gone in namespace ci");
  }

  @Test
  void anUnreachableServerIsOneClearError() {
    fake.close();
    Result r = fake.weft("event", "list");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("cannot reach the weft server");
  }
}
