package dev.weft.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import dev.weft.server.events.DeliveryNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox's exactly-once promise, with a real process: 300 GitHub events with distinct delivery
 * ids are sent to a `weft server` that halts at each of the inbox's two seams (after the inbox
 * commit; after a workflow's create, before its record) and is killed with SIGKILL at random
 * moments, restarted each time; the sender resends every request left unanswered. Afterwards every
 * event is recorded, none is left Pending, and each started exactly the workflows of its two
 * matching bindings (of three): 600 in all, as undisturbed.
 */
class EventCrashTest {
  private static final int EVENTS = 300;
  private static final int SENDERS = 4;
  private static final int RANDOM_KILLS = 2;
  private static final String NS = "default";
  private static final List<String> MATCHING = List.of("build-on-push", "test-on-push");

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private int port;

  @Test
  void everyAcknowledgedEventStartsExactlyItsWorkflowsThroughCrashesAtEachSeamAndKill9()
      throws Exception {
    long seed = System.nanoTime();
    System.out.println("EventCrashTest seed " + seed);
    Random random = new Random(seed);
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve("witness"));
    port = freePort();
    ServerProcess server = new ServerProcess(home, port);
    Map<String, String> env = Map.of("WEFT_EVENT_HISTORY_LIMIT", "1000");
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      // the first process halts at the first seam once the events flow
      server.environment(withSeam(env, "after-inbox-commit:" + (10 + random.nextInt(30))));
      server.start();
      setUp(server);
      ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < EVENTS; i++) queue.add(i);
      AtomicInteger acknowledged = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        running.add(senders.submit(() -> sendAll(queue, acknowledged)));
      }

      server.awaitExit(Duration.ofSeconds(60));
      haltAt(server, withSeam(env, "after-workflow-create:" + (10 + random.nextInt(30))));
      int killedMidStream = 0;
      for (int k = 0; k < RANDOM_KILLS; k++) {
        server.environment(env);
        server.start();
        Thread.sleep(200 + random.nextInt(1200));
        if (acknowledged.get() < EVENTS) killedMidStream++;
        server.kill9();
      }
      server.environment(env);
      server.start();
      for (Future<?> f : running) f.get();

      assertThat(acknowledged).hasValue(EVENTS);
      assertThat(killedMidStream).as("random kills while events were being sent").isPositive();
      String log = Files.readString(home.resolve("server.log"));
      assertThat(log).contains("halts the process at after-inbox-commit");
      assertThat(log).contains("halts the process at after-workflow-create");
      List<JsonNode> deliveries = awaitNonePending(server);
      assertThat(deliveries).hasSize(EVENTS);
      Set<String> expectedWorkflows = new TreeSet<>();
      for (int i = 0; i < EVENTS; i++) {
        String delivery = deliveryName(i);
        for (String b : MATCHING) expectedWorkflows.add(DeliveryNames.workflow(delivery, b));
      }
      Map<String, JsonNode> byName = new TreeMap<>();
      deliveries.forEach(d -> byName.put(d.path("metadata").path("name").asText(), d));
      for (int i = 0; i < EVENTS; i++) {
        JsonNode d = byName.get(deliveryName(i));
        assertThat(d).as("delivery of event %d", i).isNotNull();
        assertThat(d.path("status").path("workflows")).as("event %d", i).hasSize(2);
        Map<String, String> results = new TreeMap<>();
        d.path("status")
            .path("bindings")
            .forEach(b -> results.put(b.path("name").asText(), b.path("result").asText()));
        assertThat(results)
            .as("event %d", i)
            .isEqualTo(
                Map.of(
                    "build-on-push", "Submitted",
                    "on-release", "NotMatched",
                    "test-on-push", "Submitted"));
      }
      List<String> workflows = new ArrayList<>();
      for (JsonNode wf : server.get("/api/v1/workflows/" + NS).path("items")) {
        workflows.add(wf.path("metadata").path("name").asText());
      }
      assertThat(workflows).doesNotHaveDuplicates();
      assertThat(new TreeSet<>(workflows)).isEqualTo(expectedWorkflows);
    } finally {
      senders.shutdownNow();
      server.stop();
    }
  }

  private static Map<String, String> withSeam(Map<String, String> env, String seam) {
    Map<String, String> out = new TreeMap<>(env);
    out.put("WEFT_TEST_CRASH_AT", seam);
    return out;
  }

  /** Starts the server set to halt at a seam, and waits until it has. */
  private static void haltAt(ServerProcess server, Map<String, String> env) throws Exception {
    server.environment(env);
    try {
      server.start();
    } catch (IOException e) {
      if (server.alive()) throw e; // else: it halted before it was seen healthy
    }
    server.awaitExit(Duration.ofSeconds(60));
  }

  private void setUp(ServerProcess server) throws Exception {
    server.post(
        "/api/v1/workflow-templates/" + NS,
        """
        {"template": {"metadata": {"name": "build"},
          "spec": {"entrypoint": "main", "templates": [{"name": "main", "suspend": {}}]}}}
        """);
    for (String b : List.of("build-on-push", "test-on-push", "on-release")) {
      String event = b.equals("on-release") ? "release" : "push";
      server.post(
          "/api/v1/workflow-event-bindings/" + NS,
          """
          {"workflowEventBinding": {"metadata": {"name": "%s"},
            "spec": {"event": {"selector": "metadata[\\"x-github-event\\"] == [\\"%s\\"]"},
                     "submit": {"workflowTemplateRef": {"name": "build"}}}}}
          """
              .formatted(b, event));
    }
  }

  /** Sends events until none is left, each until it is answered 200 (a resend keeps its id). */
  private Void sendAll(ConcurrentLinkedQueue<Integer> queue, AtomicInteger acknowledged)
      throws InterruptedException {
    for (Integer i = queue.poll(); i != null; i = queue.poll()) {
      Instant deadline = Instant.now().plusSeconds(120);
      while (true) {
        if (Instant.now().isAfter(deadline)) throw new AssertionError("event " + i + " unanswered");
        try {
          HttpResponse<String> r = http.send(event(i), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            JsonNode body = Codec.json().readTree(r.body());
            if (!body.path("delivery").asText().equals(deliveryName(i))) {
              throw new AssertionError("event " + i + " answered " + r.body());
            }
            acknowledged.incrementAndGet();
            break;
          }
          if (r.statusCode() != 503) throw new AssertionError("event " + i + ": " + r.body());
        } catch (IOException e) {
          // no answer: the server is down; resend once it is back
        }
        Thread.sleep(50);
      }
    }
    return null;
  }

  private HttpRequest event(int i) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + NS + "/"))
        .timeout(Duration.ofSeconds(20))
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Hook-ID", "1")
        .header("X-GitHub-Delivery", "delivery-" + i)
        .POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + i + "}"))
        .build();
  }

  private static String deliveryName(int i) {
    return DeliveryNames.delivery(Optional.of("github:1:delivery-" + i + ":" + NS + ":"));
  }

  /** The deliveries once the restart's recovery has dispatched every one left Pending. */
  private static List<JsonNode> awaitNonePending(ServerProcess server) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      List<JsonNode> all = new ArrayList<>();
      server.get("/api/v1/event-deliveries/" + NS).path("items").forEach(all::add);
      long pending =
          all.stream()
              .filter(d -> !d.path("status").path("phase").asText().equals("Dispatched"))
              .count();
      if (pending == 0) return all;
      if (Instant.now().isAfter(deadline))
        throw new AssertionError(pending + " deliveries Pending");
      Thread.sleep(200);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
