package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.HostAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retry and resubmit over HTTP, with real steps: a flaky step fails until a flag file exists. */
class RerunApiTest {
  static ServerHarness h;
  static Path flags;

  @BeforeAll
  static void start() throws Exception {
    flags = Files.createTempDirectory("weft-rerun-flags");
    // The steps keep their flags in a host directory: allowed, and open to their unprivileged ids.
    Files.setPosixFilePermissions(flags, PosixFilePermissions.fromString("rwxrwxrwx"));
    h = new ServerHarness(false, new HostAccess(List.of(flags), false));
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static void open(Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  /** Step a logs each run; step b fails the first time (it leaves a flag) and succeeds after. */
  private static String flaky(String name) {
    String dir = flags.resolve(name).toString();
    return """
        {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
          "metadata": {"name": "%s"},
          "spec": {"entrypoint": "main",
            "volumes": [{"name": "flags", "hostPath": {"path": "%s"}}],
            "templates": [
              {"name": "main", "steps": [[{"name": "a", "template": "a"}], [{"name": "b", "template": "b"}]]},
              {"name": "a", "container": {"image": "alpine", "command": ["sh", "-c", "echo run >> /flags/a"],
                "volumeMounts": [{"name": "flags", "mountPath": "/flags"}]}},
              {"name": "b", "container": {"image": "alpine", "command": ["sh", "-c", "test -f /flags/b || { touch /flags/b; exit 1; }"],
                "volumeMounts": [{"name": "flags", "mountPath": "/flags"}]}}
            ]}}}
        """
        .formatted(name, dir);
  }

  private static String nodePhase(JsonNode wf, String displayName) {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (n.path("displayName").asText().equals(displayName)) return n.path("phase").asText();
    }
    return null;
  }

  @Test
  void retryRunsTheFailedStepAgainAndNotTheSucceededOne() throws Exception {
    open(flags.resolve("retry-me"));
    assertThat(h.post("/api/v1/workflows/default", flaky("retry-me")).status()).isEqualTo(200);
    h.awaitPhase("default", "retry-me", "Failed");

    ServerHarness.Response r =
        h.put("/api/v1/workflows/default/retry-me/retry", "{\"name\": \"retry-me\"}");
    JsonNode done = h.awaitPhase("default", "retry-me", "Succeeded");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(nodePhase(done, "b")).isEqualTo("Succeeded");
    assertThat(Files.readAllLines(flags.resolve("retry-me/a"))).containsExactly("run");
  }

  @Test
  void retryThatLosesARaceWithAnotherWriterIsPlannedAgainAndSucceeds() throws Exception {
    try (ServerHarness raced = ServerHarness.interleaving(new HostAccess(List.of(flags), false))) {
      open(flags.resolve("raced"));
      assertThat(raced.post("/api/v1/workflows/default", flaky("raced")).status()).isEqualTo(200);
      raced.awaitPhase("default", "raced", "Failed");

      // the retry's save (the one making the workflow Running again) loses to the annotation
      raced
          .interleavingStore()
          .annotateBeforeNextUpdate(
              o ->
                  o instanceof dev.weft.model.Workflow wf
                      && wf.metadata().name().equals("raced")
                      && wf.status() != null
                      && wf.status().phase() == dev.weft.model.status.WorkflowPhase.RUNNING);
      ServerHarness.Response r =
          raced.put("/api/v1/workflows/default/raced/retry", "{\"name\": \"raced\"}");

      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode done = raced.awaitPhase("default", "raced", "Succeeded");
      assertThat(done.path("metadata").path("annotations").path("test/raced").asText())
          .isEqualTo("yes");
      assertThat(Files.readAllLines(flags.resolve("raced/a"))).containsExactly("run");
    }
  }

  /**
   * Two retries of one workflow at once: the one whose save loses had moved the failed pod's files
   * aside first, and must not put them back under the pod the winner runs again.
   */
  @Test
  void twoRetriesAtOnceRunTheFailedStepAgainOnce() throws Exception {
    try (ServerHarness raced = ServerHarness.interleaving(new HostAccess(List.of(flags), false))) {
      open(flags.resolve("twice"));
      assertThat(raced.post("/api/v1/workflows/default", flaky("twice")).status()).isEqualTo(200);
      raced.awaitPhase("default", "twice", "Failed");
      String retry = "/api/v1/workflows/default/twice/retry";
      java.util.concurrent.atomic.AtomicReference<
              java.util.concurrent.CompletableFuture<ServerHarness.Response>>
          other = new java.util.concurrent.atomic.AtomicReference<>();
      // the first retry has moved b's files aside and is about to save: the second comes in now
      raced
          .interleavingStore()
          .beforeNextUpdate(
              o ->
                  o instanceof dev.weft.model.Workflow wf
                      && wf.metadata().name().equals("twice")
                      && wf.status() != null
                      && wf.status().phase() == dev.weft.model.status.WorkflowPhase.RUNNING,
              o -> {
                var second =
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> raced.put(retry, "{\"name\": \"twice\"}"));
                other.set(second);
                try {
                  second.get(3, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                  // waits for the first: it goes on, and the second is answered after it
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      ServerHarness.Response first = raced.put(retry, "{\"name\": \"twice\"}");
      ServerHarness.Response second = other.get().get(60, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(List.of(first.status(), second.status()))
          .as(first.body() + " / " + second.body())
          .containsExactlyInAnyOrder(200, 400);
      JsonNode done = raced.awaitPhase("default", "twice", "Succeeded");
      assertThat(nodePhase(done, "b")).isEqualTo("Succeeded");
    }
  }

  /** A retry whose save fails for another reason than a lost race leaves the failed run whole. */
  @Test
  void retryWhoseSaveFailsPutsTheFailedPodsFilesBack() throws Exception {
    try (ServerHarness raced = ServerHarness.interleaving(new HostAccess(List.of(flags), false))) {
      open(flags.resolve("unsaved"));
      String workflow =
          flaky("unsaved").replace("test -f /flags/b ||", "echo first-b; test -f /flags/b ||");
      assertThat(raced.post("/api/v1/workflows/default", workflow).status()).isEqualTo(200);
      JsonNode failed = raced.awaitPhase("default", "unsaved", "Failed");
      String pod = null;
      for (JsonNode n : failed.path("status").path("nodes")) {
        if (n.path("displayName").asText().equals("b")) pod = n.path("podName").asText();
      }
      raced
          .interleavingStore()
          .beforeNextUpdate(
              o ->
                  o instanceof dev.weft.model.Workflow wf && wf.metadata().name().equals("unsaved"),
              o -> {
                throw new dev.weft.store.StorageFailure("disk full");
              });

      ServerHarness.Response r =
          raced.put("/api/v1/workflows/default/unsaved/retry", "{\"name\": \"unsaved\"}");

      assertThat(r.status()).as(r.body()).isEqualTo(500);
      var logs =
          raced.get(
              "/api/v1/workflows/default/unsaved/log?podName="
                  + pod
                  + "&logOptions.container=main");
      assertThat(logs.body()).contains("first-b");
      assertThat(
              raced
                  .put("/api/v1/workflows/default/unsaved/retry", "{\"name\": \"unsaved\"}")
                  .status())
          .isEqualTo(200);
      assertThat(nodePhase(raced.awaitPhase("default", "unsaved", "Succeeded"), "b"))
          .isEqualTo("Succeeded");
    }
  }

  @Test
  void retryOfARunningOrSucceededWorkflowIsABadRequest() throws Exception {
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("fine", "{}"));
    h.awaitPhase("default", "fine", "Succeeded");

    ServerHarness.Response r = h.put("/api/v1/workflows/default/fine/retry", "{}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("must be Failed/Error to retry");
  }

  @Test
  void resubmitCreatesANewWorkflowFromTheOld() throws Exception {
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("original", "{}"));
    h.awaitPhase("default", "original", "Succeeded");

    JsonNode fresh = h.put("/api/v1/workflows/default/original/resubmit", "{}").json();
    String name = fresh.path("metadata").path("name").asText();

    assertThat(name).startsWith("original-");
    assertThat(
            fresh
                .path("metadata")
                .path("labels")
                .path("workflows.argoproj.io/resubmitted-from-workflow")
                .asText())
        .isEqualTo("original");
    h.awaitPhase("default", name, "Succeeded");
  }

  @Test
  void aMemoizedResubmitSkipsWhatSucceeded() throws Exception {
    open(flags.resolve("memo"));
    h.post("/api/v1/workflows/default", flaky("memo"));
    h.awaitPhase("default", "memo", "Failed");

    JsonNode fresh =
        h.put("/api/v1/workflows/default/memo/resubmit", "{\"memoized\": true}").json();
    JsonNode done =
        h.awaitPhase("default", fresh.path("metadata").path("name").asText(), "Succeeded");

    assertThat(nodePhase(done, "a")).isEqualTo("Skipped");
    assertThat(Files.readAllLines(flags.resolve("memo/a"))).isEqualTo(List.of("run"));
  }
}
