package dev.weft.kube.sim;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock's CRUD dispatcher with the two things a test cluster needs that CRUD mode lacks: the
 * {@code pods/log} subresource (CRUD mode answers it with a bogus list of every object), served
 * from the simulated kubelet's files; and a count of every pod the API server accepted, so a test
 * can prove no pod was ever created twice.
 */
final class ClusterDispatcher extends KubernetesCrudDispatcher {
  /** Where a pod's container logs come from: the simulated kubelet. */
  interface LogSource {
    /** The log, or empty for an unknown pod; throws {@link IllegalArgumentException} for 400. */
    Optional<String> log(String namespace, String pod, Optional<String> container);
  }

  private static final Pattern LOG =
      Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/log$");
  private static final Pattern PODS = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods$");

  private final Map<String, AtomicInteger> podCreations = new ConcurrentHashMap<>();
  private volatile LogSource logs = (ns, pod, container) -> Optional.empty();

  void serveLogsFrom(LogSource source) {
    this.logs = source;
  }

  /** Successful pod creations by "namespace/name". */
  Map<String, Integer> podCreations() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    podCreations.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    Matcher log = LOG.matcher(bare);
    if ("GET".equalsIgnoreCase(request.getMethod()) && log.matches()) {
      return serveLog(log.group(1), log.group(2), query(q < 0 ? "" : path.substring(q + 1)));
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    MockResponse response = super.handleCreate(request);
    String path = request.getPath();
    int q = path.indexOf('?');
    Matcher pods = PODS.matcher(q < 0 ? path : path.substring(0, q));
    if (pods.matches() && response.code() >= 200 && response.code() < 300) {
      // The stored object's name: generateName is resolved by the server, not the request.
      String name = nameOf(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
      podCreations
          .computeIfAbsent(pods.group(1) + "/" + name, k -> new AtomicInteger())
          .incrementAndGet();
    }
    return response;
  }

  private static String nameOf(String json) {
    try {
      return Serialization.jsonMapper().readTree(json).path("metadata").path("name").asText();
    } catch (Exception e) {
      return "?";
    }
  }

  private MockResponse serveLog(String namespace, String pod, Map<String, String> query) {
    try {
      Optional<String> text = logs.log(namespace, pod, Optional.ofNullable(query.get("container")));
      if (text.isEmpty()) {
        return status(404, "NotFound", "pods \"" + pod + "\" not found");
      }
      return new MockResponse()
          .setResponseCode(200)
          .setHeader("Content-Type", "text/plain")
          .setBody(text.get());
    } catch (IllegalArgumentException e) {
      return status(400, "BadRequest", e.getMessage());
    }
  }

  private static MockResponse status(int code, String reason, String message) {
    String body =
        Serialization.asJson(
            Map.of(
                "kind",
                "Status",
                "apiVersion",
                "v1",
                "status",
                "Failure",
                "reason",
                reason,
                "message",
                message,
                "code",
                code));
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String part : raw.split("&")) {
      if (part.isEmpty()) continue;
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
