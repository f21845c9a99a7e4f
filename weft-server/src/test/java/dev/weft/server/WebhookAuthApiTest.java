package dev.weft.server;

import static dev.weft.server.EventFixtures.GITHUB_PUSH;
import static dev.weft.server.EventFixtures.GITHUB_PUSH_SIGNATURE;
import static dev.weft.server.EventFixtures.store;
import static dev.weft.server.EventFixtures.template;
import static dev.weft.server.EventFixtures.unsigned;
import static dev.weft.server.EventFixtures.workflowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowEventBinding;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events without a token: only a signature of a client in the posted-to namespace's {@code
 * argo-workflows-webhook-clients} Secret lets one through, and a refused one creates nothing. The
 * binding in {@code argo} matches anything, so any workflow made would show.
 */
class WebhookAuthApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    EventFixtures.webhookClients(
        h,
        "argo",
        Map.of(
            "github-client", "type: github\nsecret: shh!\n",
            "gitlab-client", "type: gitlab\nsecret: gl-token\n",
            "bitbucket-client", "type: bitbucket\nsecret: '{hook-uuid}'\n",
            "empty", "type: github\nsecret: ''\n"));
    EventFixtures.webhookClients(h, "other", Map.of("github-client", "type: github\nsecret: x\n"));
    for (String ns : new String[] {"argo", "other", "no-secret"}) {
      template(h, "WorkflowTemplate", ns, "t");
      store(
          h,
          WorkflowEventBinding.class,
          """
          metadata: {name: any, namespace: %s}
          spec:
            event: {selector: "true"}
            submit:
              workflowTemplateRef: {name: t}
              arguments:
                parameters:
                  - {name: client, valueFrom: {event: 'metadata["x-weft-client"]'}}
          """
              .formatted(ns));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @AfterEach
  void clear() {
    for (String ns : new String[] {"argo", "other", "no-secret"}) {
      for (var wf : workflowsOf(h, ns, "any")) {
        h.delete("/api/v1/workflows/" + ns + "/" + wf.path("metadata").path("name").asText());
      }
    }
  }

  private static ServerHarness.Response github(String path, byte[] body, String signature) {
    HttpRequest.Builder b = unsigned(h, path, body).header("X-GitHub-Event", "push");
    if (signature != null) b.header("X-Hub-Signature-256", signature);
    return h.send(b.build());
  }

  private static void assertRefusedAndNothingCreated(ServerHarness.Response r, String ns) {
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.json().path("code").asInt()).isEqualTo(16);
    assertThat(workflowsOf(h, ns, "any")).isEmpty();
  }

  @Test
  void aGoodSignatureIsAcceptedAndNamesItsClientToSelectors() {
    var r = github("/api/v1/events/argo/", GITHUB_PUSH, GITHUB_PUSH_SIGNATURE);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    var wfs = workflowsOf(h, "argo", "any");
    assertThat(wfs).hasSize(1);
    assertThat(
            wfs.get(0)
                .path("spec")
                .path("arguments")
                .path("parameters")
                .get(0)
                .path("value")
                .asText())
        .isEqualTo("[\"github-client\"]");
  }

  private static String sign(byte[] body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("shh!".getBytes(), "HmacSHA256"));
    return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void aPrettyPrintedNonAsciiBodyIsVerifiedOverItsExactBytes() throws Exception {
    byte[] body =
        "{\n  \"message\": \"caf\u00e9 \u2603 \u65e5\u672c\"\n}\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var r = github("/api/v1/events/argo/", body, sign(body));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void anyGithubEventTypeIsAcceptedEvenOnesArgosLibraryDidNotKnow() throws Exception {
    byte[] body = "{\"action\": \"completed\"}".getBytes();
    var r =
        h.send(
            unsigned(h, "/api/v1/events/argo/", body)
                .header("X-GitHub-Event", "workflow_run")
                .header("X-Hub-Signature-256", sign(body))
                .build());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void oneFlippedBodyByteIsRefused() {
    byte[] flipped = GITHUB_PUSH.clone();
    flipped[100] ^= 1;
    assertRefusedAndNothingCreated(
        github("/api/v1/events/argo/", flipped, GITHUB_PUSH_SIGNATURE), "argo");
  }

  @Test
  void aMissingSignatureIsRefused() {
    assertRefusedAndNothingCreated(github("/api/v1/events/argo/", GITHUB_PUSH, null), "argo");
  }

  @Test
  void aSha1OnlySignatureIsRefused() {
    var r =
        h.send(
            unsigned(h, "/api/v1/events/argo/", GITHUB_PUSH)
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567")
                .build());
    assertRefusedAndNothingCreated(r, "argo");
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() {
    // the namespace "other" holds the same client name with the secret "x", not "shh!"
    assertRefusedAndNothingCreated(
        github("/api/v1/events/other/", GITHUB_PUSH, GITHUB_PUSH_SIGNATURE), "other");
  }

  @Test
  void aNamespaceWithoutTheSecretRefusesEveryUnsignedEvent() {
    assertRefusedAndNothingCreated(
        github("/api/v1/events/no-secret/", GITHUB_PUSH, GITHUB_PUSH_SIGNATURE), "no-secret");
  }

  @Test
  void theSameSignatureOnAnotherApiPathIsRefused() {
    var r =
        h.send(
            unsigned(h, "/api/v1/workflows/argo", GITHUB_PUSH)
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", GITHUB_PUSH_SIGNATURE)
                .build());
    assertThat(r.status()).isEqualTo(401);
    assertThat(h.get("/api/v1/workflows/argo").json().path("items").isNull()).isTrue();
  }

  @Test
  void aClientWithAnEmptySecretMatchesNothing() {
    assertRefusedAndNothingCreated(
        github("/api/v1/events/argo/", "{}".getBytes(), "sha256=" + "0".repeat(64)), "argo");
  }

  @Test
  void gitlabsTokenIsComparedToTheSecret() {
    var good =
        h.send(
            unsigned(h, "/api/v1/events/argo/", "{}".getBytes())
                .header("X-Gitlab-Token", "gl-token")
                .build());
    assertThat(good.status()).as(good.body()).isEqualTo(200);
    clear();
    assertRefusedAndNothingCreated(
        h.send(
            unsigned(h, "/api/v1/events/argo/", "{}".getBytes())
                .header("X-Gitlab-Token", "gl-tokeN")
                .build()),
        "argo");
  }

  @Test
  void bitbucketsHookUuidWithAnEventKeyIsAccepted() {
    var r =
        h.send(
            unsigned(h, "/api/v1/events/argo/", "{}".getBytes())
                .header("X-Hook-UUID", "{hook-uuid}")
                .header("X-Event-Key", "repo:push")
                .build());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aBearerTokenStillWorksAndIsNotAWebhookClient() {
    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(
            workflowsOf(h, "argo", "any")
                .get(0)
                .path("spec")
                .path("arguments")
                .path("parameters")
                .get(0)
                .path("value")
                .asText())
        .isEqualTo("null");
  }

  @Test
  void aWrongBearerTokenIsNotRescuedByAGoodSignature() {
    var r =
        h.send(
            unsigned(h, "/api/v1/events/argo/", GITHUB_PUSH)
                .header("Authorization", "Bearer wrong")
                .header("X-Hub-Signature-256", GITHUB_PUSH_SIGNATURE)
                .build());
    assertRefusedAndNothingCreated(r, "argo");
  }

  @Test
  void aSenderCannotClaimToBeAClientByHeader() {
    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .header("X-Weft-Client", "github-client")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(
            workflowsOf(h, "argo", "any")
                .get(0)
                .path("spec")
                .path("arguments")
                .path("parameters")
                .get(0)
                .path("value")
                .asText())
        .isEqualTo("null");
  }
}
