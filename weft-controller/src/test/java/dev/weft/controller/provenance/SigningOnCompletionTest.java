package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.controller.informer.InformerSource;
import dev.weft.controller.pod.PodRuntime;
import dev.weft.controller.workflow.WorkflowController;
import dev.weft.controller.workflow.WorkflowDefaults;
import dev.weft.controller.workflow.WorkflowReconciler;
import dev.weft.controller.workflow.WorkflowThrottle;
import dev.weft.engine.Reconciliation;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import dev.weft.store.InMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow controller signs what completes: the completion is written first, the signature in
 * the next pass, and a ttlStrategy deletes the workflow only once it is signed.
 */
class SigningOnCompletionTest {
  @TempDir Path dir;
  private final InMemoryStore store = new InMemoryStore();
  private LocalAttestations attestations;
  private SigningKey key;
  private WorkflowController controller;

  /** Every workflow succeeds at its first reconcile, with no step to run. */
  static final WorkflowReconciler.Decider SUCCEEDS =
      (wf, lib, events, now) ->
          new Reconciliation(
              new WorkflowStatus(
                  WorkflowPhase.SUCCEEDED,
                  now,
                  now,
                  null,
                  null,
                  Map.of(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              List.of(),
              Optional.empty());

  /** The stand-in engine asks for no pod: nothing runs, nothing is left to remove. */
  static final PodRuntime NO_PODS =
      new PodRuntime() {
        @Override
        public void start(
            Workflow wf,
            dev.weft.model.spec.WorkflowSpec spec,
            dev.weft.engine.Library lib,
            dev.weft.engine.action.Action.RunPod run,
            java.util.function.BiConsumer<Workflow, dev.weft.engine.event.Event> report) {
          throw new AssertionError("no pod is asked for");
        }

        @Override
        public void kill(Workflow wf, String podName, String reason) {}

        @Override
        public void killAll(String reason) {}

        @Override
        public void forget(Workflow wf) {}

        @Override
        public void remove(Workflow wf, String podName) {}

        @Override
        public boolean anyRunning(Workflow wf) {
          return false;
        }

        @Override
        public int runningCount() {
          return 0;
        }

        @Override
        public Optional<String> logs(Workflow wf, String podName, String container) {
          return Optional.empty();
        }
      };

  @BeforeEach
  void start() throws Exception {
    key = SigningKey.loadOrCreate(dir.resolve("signing"));
    attestations = new LocalAttestations(dir.resolve("attestations"));
    Signing signing = new Signing(key, attestations, new BuilderIdentity("run", "host"));
    controller =
        new WorkflowController(
            store,
            InformerSource.of(store),
            SUCCEEDS,
            NO_PODS,
            Clock.systemUTC(),
            1,
            WorkflowDefaults.NONE,
            WorkflowThrottle.NONE,
            signing.notary(store, null, NodeLogs.none(), null));
    controller.start();
  }

  @AfterEach
  void stop() throws Exception {
    controller.close();
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

  @Test
  void aCompletedWorkflowIsSignedByTheController() throws Exception {
    Workflow created = store.create(LocalController.workflow("plain", "spec: {entrypoint: main}"));

    Workflow signed = awaitSigned("plain");

    assertThat(signed.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(signed.metadata().annotations()).containsEntry(ProvenanceAnnotations.SIGNED, "true");
    byte[] bytes = Files.readAllBytes(attestations.file("default", created.metadata().uid()));
    assertThat(Dsse.verify(Envelope.parse(bytes), key.publicKey())).isTrue();
  }

  @Test
  void aWorkflowItsTtlDeletesAtOnceIsSignedBeforeItIsDeleted() throws Exception {
    Workflow created =
        store.create(
            LocalController.workflow(
                "brief", "spec: {entrypoint: main, ttlStrategy: {secondsAfterCompletion: 0}}"));
    Path envelope = attestations.file("default", created.metadata().uid());

    Instant end = Instant.now().plusSeconds(20);
    while (store.get(Workflow.class, "default", "brief").isPresent()
        && Instant.now().isBefore(end)) {
      Thread.sleep(20);
    }

    assertThat(store.get(Workflow.class, "default", "brief")).isEmpty();
    assertThat(Dsse.verify(Envelope.parse(Files.readAllBytes(envelope)), key.publicKey())).isTrue();
  }
}
