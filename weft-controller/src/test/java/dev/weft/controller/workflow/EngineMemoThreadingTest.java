package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.controller.pod.PodRuntime;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineMemo;
import dev.weft.engine.Library;
import dev.weft.engine.Reconciliation;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.model.ConfigMap;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.store.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The reconciler passes the engine's memo back only with the very version of the workflow it wrote
 * with it: a status written by anyone else is walked in full.
 */
class EngineMemoThreadingTest {
  private static final String CHAIN =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: a, template: work}
          - - {name: b, template: work}
          - - {name: c, template: work}
          - - {name: d, template: work}
        - name: work
          container: {image: alpine}
      """;

  private final InMemoryStore store = new InMemoryStore();
  private final WorkflowReconciler.Decider engine = WorkflowReconciler.Decider.of(new Engine());
  private final List<Boolean> memoGiven = new ArrayList<>();

  /** Whether the engine can use the memo it is given (made for this spec and library). */
  private final List<Boolean> memoApplies = new ArrayList<>();

  private static boolean applies(EngineMemo memo, WorkflowSpec spec, Library lib) {
    try {
      var appliesTo =
          EngineMemo.class.getDeclaredMethod("appliesTo", WorkflowSpec.class, Library.class);
      appliesTo.setAccessible(true);
      return (boolean) appliesTo.invoke(memo, spec, lib);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private final WorkflowKey key = new WorkflowKey("default", "chain");
  private final WorkflowReconciler reconciler =
      new WorkflowReconciler(
          store,
          new WorkflowReconciler.Decider() {
            @Override
            public Reconciliation reconcile(
                Workflow wf, Library lib, List<Event> events, Instant now) {
              return reconcile(wf, lib, events, now, EngineMemo.NONE);
            }

            @Override
            public Reconciliation reconcile(
                Workflow wf, Library lib, List<Event> events, Instant now, EngineMemo memo) {
              memoGiven.add(memo != EngineMemo.NONE);
              memoApplies.add(memo != EngineMemo.NONE && applies(memo, wf.spec(), lib));
              Reconciliation r = engine.reconcile(wf, lib, events, now, memo);
              // the memo saves work, never changes the decision
              Reconciliation full = engine.reconcile(wf, lib, events, now, EngineMemo.NONE);
              assertThat(r.status()).isEqualTo(full.status());
              assertThat(r.actions()).isEqualTo(full.actions());
              return r;
            }
          },
          new InstantPods(),
          new Inbox(),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          k -> {});

  @Test
  void everyReconcileAfterTheFirstStartsFromTheMemoOfTheOneBefore() {
    store.create(LocalController.workflow("chain", CHAIN));

    reconcileUntilCompleted();

    assertThat(memoGiven.get(0)).isFalse();
    assertThat(memoGiven.subList(1, memoGiven.size())).isNotEmpty().containsOnly(true);
    assertThat(memoApplies.subList(1, memoApplies.size())).containsOnly(true);
  }

  @Test
  void aWorkflowThatReadsAConfigMapStillStartsFromTheMemo() {
    // the library's ConfigMaps are read on demand: the memo's library has read one, the next
    // reconcile's has read none yet, and that alone must not make them different libraries
    store.create(
        new ConfigMap(
            "v1",
            "ConfigMap",
            ObjectMeta.named("limits").withNamespace("default"),
            Map.of("work", "1"),
            null,
            null));
    store.create(
        LocalController.workflow(
            "chain",
            CHAIN.replace(
                "  - name: work\n",
                "  - name: work\n"
                    + "    synchronization:\n"
                    + "      semaphore: {configMapKeyRef: {name: limits, key: work}}\n")));

    reconcileUntilCompleted();

    assertThat(memoGiven.get(0)).isFalse();
    assertThat(memoApplies.subList(1, memoApplies.size())).isNotEmpty().containsOnly(true);
  }

  @Test
  void aStatusWrittenByAnotherIsWalkedWithoutTheMemo() {
    store.create(LocalController.workflow("chain", CHAIN));
    reconciler.reconcile(key);
    reconciler.reconcile(key);
    Workflow current = store.get(Workflow.class, "default", "chain").orElseThrow();
    store.updateStatus(current.withStatus(editedByHand(current.status())));

    reconciler.reconcile(key);
    reconciler.reconcile(key);

    assertThat(memoGiven).containsExactly(false, true, false, true);
  }

  /** The status as a hand edit would leave it: the same, with a message. */
  private static WorkflowStatus editedByHand(WorkflowStatus s) {
    return new WorkflowStatus(
        s.phase(),
        s.startedAt(),
        s.finishedAt(),
        s.progress(),
        "edited by hand",
        s.nodes(),
        s.outputs(),
        s.conditions(),
        s.persistentVolumeClaims(),
        s.storedTemplates(),
        s.storedWorkflowTemplateSpec(),
        s.synchronization());
  }

  private void reconcileUntilCompleted() {
    for (int i = 0; i < 50; i++) {
      reconciler.reconcile(key);
      if (store.get(Workflow.class, "default", "chain").orElseThrow().completed()) return;
    }
    throw new AssertionError("the chain did not complete");
  }

  /** Pods that start and succeed as soon as they are asked for. */
  private static final class InstantPods implements PodRuntime {
    @Override
    public void start(
        Workflow wf,
        WorkflowSpec spec,
        Library lib,
        Action.RunPod run,
        BiConsumer<Workflow, Event> report) {
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      report.accept(wf, new Event.PodStarted(run.nodeId(), t));
      report.accept(
          wf,
          new Event.PodFinished(
              run.nodeId(), 0, Optional.empty(), new Outputs(null, null, null, null), t, t));
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
  }
}
