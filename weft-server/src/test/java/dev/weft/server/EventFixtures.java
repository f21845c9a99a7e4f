package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Resource;
import dev.weft.model.Secret;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the event API tests set up: objects in the store, signed requests, created workflows. */
final class EventFixtures {
  /** Argo's e2e GitHub push (test/e2e/testdata/github-webhook-payload.json), byte for byte. */
  static final byte[] GITHUB_PUSH = resource("/events/github-webhook-payload.json");

  /** Its X-Hub-Signature-256 with the secret "shh!", as Argo's e2e test sends it. */
  static final String GITHUB_PUSH_SIGNATURE =
      "sha256=dd6f6b41f6d0cb9523d6459032e164e220853b683a5e87892145b0eb0b84e0cd";

  private EventFixtures() {}

  private static byte[] resource(String path) {
    try (InputStream in = EventFixtures.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T extends Resource> T store(ServerHarness h, Class<T> type, String yaml) {
    try {
      return h.plane.store().create(Codec.yaml().readValue(yaml, type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A template that waits: the tests look at the workflows made, not at what they run. */
  static void template(ServerHarness h, String kind, String namespace, String name) {
    String ns = namespace == null ? "" : "namespace: " + namespace;
    Class<? extends Resource> type =
        kind.equals("ClusterWorkflowTemplate")
            ? dev.weft.model.ClusterWorkflowTemplate.class
            : dev.weft.model.WorkflowTemplate.class;
    store(
        h,
        type,
        """
        metadata: {name: %s, %s}
        spec:
          entrypoint: main
          workflowMetadata:
            labels: {workflows.argoproj.io/test: "true"}
          templates:
            - name: main
              suspend: {}
        """
            .formatted(name, ns));
  }

  /** The webhook clients Secret, each client given as {@code name -> YAML}. */
  static void webhookClients(ServerHarness h, String namespace, Map<String, String> clients) {
    h.plane
        .store()
        .create(
            new Secret(
                "v1",
                "Secret",
                new dev.weft.model.ObjectMeta(
                    "argo-workflows-webhook-clients",
                    null,
                    namespace,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                null,
                clients,
                "Opaque",
                null));
  }

  /** An event request with no token and no Content-Type, as webhook senders and Argo's e2e post. */
  static HttpRequest.Builder unsigned(ServerHarness h, String path, byte[] body) {
    return HttpRequest.newBuilder(h.uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** The workflows of the namespace made by the binding. */
  static List<JsonNode> workflowsOf(ServerHarness h, String namespace, String binding) {
    var r =
        h.get(
            "/api/v1/workflows/"
                + namespace
                + "?listOptions.labelSelector=workflows.argoproj.io/workflow-event-binding%3D"
                + binding);
    List<JsonNode> out = new ArrayList<>();
    r.json().path("items").forEach(out::add);
    return out;
  }
}
