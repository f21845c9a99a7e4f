package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.controller.informer.InformerSource;
import dev.weft.controller.workflow.WorkflowController;
import dev.weft.controller.workflow.WorkflowDefaults;
import dev.weft.controller.workflow.WorkflowThrottle;
import dev.weft.model.Workflow;
import dev.weft.provenance.SigningKey;
import dev.weft.store.JdbcStore;
import dev.weft.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The controller signs what completes in the SQLite store, whatever the precision of the time it
 * completed at: the notary compares the run it signed with the run the store holds.
 */
class SigningOnCompletionJdbcTest {
  @TempDir Path dir;
  private JdbcStore store;
  private WorkflowController controller;

  private void start(Clock clock) throws Exception {
    store = Stores.open(dir.resolve("weft.db").toString());
    Signing signing =
        new Signing(
            SigningKey.loadOrCreate(dir.resolve("signing")),
            new LocalAttestations(dir.resolve("attestations")),
            new BuilderIdentity("run", "host"));
    controller =
        new WorkflowController(
            store,
            InformerSource.of(store),
            SigningOnCompletionTest.SUCCEEDS,
            SigningOnCompletionTest.NO_PODS,
            clock,
            1,
            WorkflowDefaults.NONE,
            WorkflowThrottle.NONE,
            signing.notary(store, null, NodeLogs.none(), null));
    controller.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (controller != null) controller.close();
    if (store != null) store.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-12-06T18:00:03.120Z", "2026-12-06T18:00:03Z", "2026-12-06T18:00:03.000001Z"})
  void aWorkflowCompletedAtThatInstantIsSigned(String now) throws Exception {
    start(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    store.create(LocalController.workflow("plain", "spec: {entrypoint: main}"));

    Workflow signed = awaitSigned("plain");

    assertThat(signed.metadata().annotations()).containsEntry(ProvenanceAnnotations.SIGNED, "true");
    assertThat(signed.status().finishedAt()).isEqualTo(Instant.parse(now));
  }

  @Test
  void aWorkflowCompletedOnTheSystemClockIsSigned() throws Exception {
    start(Clock.systemUTC());
    store.create(LocalController.workflow("plain", "spec: {entrypoint: main}"));

    assertThat(awaitSigned("plain").metadata().annotations())
        .containsEntry(ProvenanceAnnotations.SIGNED, "true");
  }

  private Workflow awaitSigned(String name) throws InterruptedException {
    Instant end = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(end)) {
      Optional<Workflow> wf = store.get(Workflow.class, "default", name);
      if (wf.isPresent() && Notary.settled(wf.get())) return wf.get();
      Thread.sleep(20);
    }
    throw new AssertionError(name + " was not signed in 20 s");
  }
}
