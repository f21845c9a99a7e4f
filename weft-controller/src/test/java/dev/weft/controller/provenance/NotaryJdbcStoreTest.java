package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.provenance.SigningKey;
import dev.weft.store.JdbcStore;
import dev.weft.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing against the SQLite store: the run a verdict is about is compared with the run read back
 * from the store, so a finishedAt the store writes back in another form would leave every run
 * unsigned.
 */
class NotaryJdbcStoreTest {
  @TempDir Path dir;
  private JdbcStore store;
  private Notary notary;

  @BeforeEach
  void open() throws Exception {
    store = Stores.open(dir.resolve("weft.db").toString());
    notary =
        new Notary(
            store,
            wf ->
                new WorkflowProvenance(
                        store,
                        null,
                        NodeLogs.none(),
                        null,
                        "0.1.0",
                        new BuilderIdentity("server", "sandboxed"))
                    .statement(wf),
            SigningKey.loadOrCreate(dir.resolve("signing")),
            new LocalAttestations(dir.resolve("attestations")),
            new Notary.Retries(3, Duration.ofMillis(10)),
            SigningPause.NONE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Workflow completed(String name, Instant finishedAt) {
    Workflow wf =
        store.create(
            LocalController.workflow(
                name, "spec: {entrypoint: main, templates: [{name: main, suspend: {}}]}"));
    return store.updateStatus(wf.withStatus(succeeded(finishedAt)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-06T18:00:03.120Z",
        "2026-12-06T18:00:03Z",
        "2026-12-06T18:00:03.100Z",
        "2026-12-06T18:00:03.123456Z",
        "2026-12-06T18:00:03.123456789Z",
        "2026-12-06T18:00:00Z"
      })
  void aWorkflowReadBackFromTheStoreIsSignedWhateverItsFinishedAtPrecision(String finishedAt) {
    completed("done", Instant.parse(finishedAt));
    Workflow stored = store.get(Workflow.class, "default", "done").orElseThrow();

    Notary.Outcome outcome = notary.sign(stored);

    assertThat(outcome).isInstanceOf(Notary.Outcome.Settled.class);
    Workflow signed = ((Notary.Outcome.Settled) outcome).workflow();
    assertThat(signed.metadata().annotationsOrEmpty())
        .containsEntry(ProvenanceAnnotations.SIGNED, "true");
    Workflow again = store.get(Workflow.class, "default", "done").orElseThrow();
    assertThat(Notary.settled(again)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-06T18:00:03.120Z", "2026-12-06T18:00:03.123456789Z"})
  void theWorkflowTheStatusWriteReturnedIsSignedToo(String finishedAt) {
    Workflow written = completed("written", Instant.parse(finishedAt));

    Notary.Outcome outcome = notary.sign(written);

    assertThat(outcome).isInstanceOf(Notary.Outcome.Settled.class);
    assertThat(Notary.settled(store.get(Workflow.class, "default", "written").orElseThrow()))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-06T18:00:03.120Z", "2026-12-06T18:00:03.123456789Z"})
  void anInMemoryWorkflowWithTheSameFinishedAtIsSigned(String finishedAt) {
    Workflow written = completed("memory", Instant.parse(finishedAt));
    // as the controller holds it: its own status, not the store's copy
    Workflow inMemory = written.withStatus(succeeded(Instant.parse(finishedAt)));

    Notary.Outcome outcome = notary.sign(inMemory);

    assertThat(outcome).isInstanceOf(Notary.Outcome.Settled.class);
  }

  private static WorkflowStatus succeeded(Instant finishedAt) {
    return new WorkflowStatus(
        WorkflowPhase.SUCCEEDED,
        Instant.parse("2026-12-06T18:00:00Z"),
        finishedAt,
        null,
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
