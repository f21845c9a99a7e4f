package dev.weft.cli;

/** EventDelivery objects and answers shaped exactly as the shared contract writes them. */
final class EventDeliveryFixtures {
  private EventDeliveryFixtures() {}

  /**
   * A GitHub push from client "github" that started one workflow, did not match one binding and
   * failed a third; its payload holds markup a browser must never run.
   */
  static final String PUSH =
      """
      {
        "apiVersion": "weft.dev/v1alpha1",
        "kind": "EventDelivery",
        "metadata": {
          "name": "ev-0123456789abcdef0123",
          "namespace": "default",
          "creationTimestamp": "2026-12-06T10:00:00Z",
          "labels": {"events.weft.dev/phase": "Dispatched"}
        },
        "spec": {
          "discriminator": "github",
          "client": "github",
          "dedupKey": "github:4711:abc-123:default:github",
          "receivedAt": "2026-12-06T10:00:00Z",
          "payload": {"ref": "refs/heads/main", "note": "<script>alert(1)</script>"},
          "metadata": {"x-github-event": ["push"], "x-github-delivery": ["abc-123"]}
        },
        "status": {
          "phase": "Dispatched",
          "attempts": 2,
          "dispatchedAt": "2026-12-06T10:00:01Z",
          "bindings": [
            {"name": "broken", "result": "Failed",
             "message": "failed to evaluate workflow template expression: unexpected token"},
            {"name": "on-push", "result": "Submitted", "message": "",
             "workflow": "on-push-1a2b3c4d5e"},
            {"name": "on-tag", "result": "NotMatched",
             "message": "payload.ref startsWith \\"refs/tags/\\""}
          ],
          "workflows": ["on-push-1a2b3c4d5e"]
        }
      }
      """;

  /** An event sent with the bearer token, no discriminator, not dispatched yet. */
  static final String PENDING =
      """
      {
        "apiVersion": "weft.dev/v1alpha1",
        "kind": "EventDelivery",
        "metadata": {"name": "ev-ffffffffffffffffffff", "namespace": "default",
                     "labels": {"events.weft.dev/phase": "Pending"}},
        "spec": {"discriminator": "", "receivedAt": "2026-12-06T10:05:00Z",
                 "payload": {"a": 1}, "metadata": {}}
      }
      """;

  static String list(String... items) {
    return "{\"metadata\":{\"resourceVersion\":\"42\"},\"items\":["
        + String.join(",", items)
        + "]}";
  }

  static String answer(String delivery, String... workflows) {
    StringBuilder b = new StringBuilder("{\"delivery\":\"" + delivery + "\",\"workflows\":[");
    for (int i = 0; i < workflows.length; i++) {
      b.append(i == 0 ? "" : ",").append('"').append(workflows[i]).append('"');
    }
    return b.append("]}").toString();
  }
}
