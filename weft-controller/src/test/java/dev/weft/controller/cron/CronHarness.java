package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.runtime.Result;
import dev.weft.store.InMemoryStore;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** A CronWorkflow named "c" in an in-memory store, a hand-moved clock and its reconciler. */
final class CronHarness {
  static final CronKey KEY = new CronKey("default", "c");

  final MutableClock clock;
  final Store store;
  CronWorkflowReconciler reconciler;

  CronHarness(MutableClock clock) {
    this.clock = clock;
    this.store = new InMemoryStore(InMemoryStore.DEFAULT_HISTORY_LIMIT, clock, new Random(1));
    this.reconciler = new CronWorkflowReconciler(store, clock);
  }

  static CronHarness at(String instant) {
    return new CronHarness(MutableClock.at(instant));
  }

  /** Creates CronWorkflow "c" whose spec has {@code specLines} (YAML, no indentation). */
  CronHarness create(String specLines) {
    String spec = specLines.strip().indent(2);
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: CronWorkflow
        metadata:
          name: c
        spec:
        %s  workflowSpec:
            entrypoint: main
            templates:
              - name: main
                container: {image: busybox, command: [echo]}
        """
            .formatted(spec);
    store.create(decode(yaml));
    return this;
  }

  static CronWorkflow decode(String yaml) {
    Decoded d = ResourceDecoder.decode(yaml, "test.yaml");
    if (d.hasErrors()) {
      throw new IllegalArgumentException(d.diagnostics().toString());
    }
    return (CronWorkflow) d.resources().get(0).value();
  }

  Result reconcile() {
    return reconciler.reconcile(KEY);
  }

  /** Reconciles at {@code instant}. */
  Result reconcileAt(String instant) {
    clock.set(instant);
    return reconcile();
  }

  /** A controller restart: the in-memory schedule is lost, the store is kept. */
  void restart() {
    reconciler = new CronWorkflowReconciler(store, clock);
  }

  CronWorkflow cron() {
    return store.get(CronWorkflow.class, "default", "c").orElseThrow();
  }

  CronStatus status() {
    return CronStatus.fromJson(cron().status());
  }

  List<Workflow> workflows() {
    return store.list(Workflow.class, "default", null).stream()
        .sorted(Comparator.comparing(Workflow::name))
        .toList();
  }

  List<String> names() {
    return workflows().stream().map(Workflow::name).toList();
  }

  Workflow workflow(String name) {
    return store.get(Workflow.class, "default", name).orElseThrow();
  }

  /** Ends workflow {@code name} in {@code phase} at the clock's time. */
  void finish(String name, WorkflowPhase phase) {
    Workflow wf = workflow(name);
    WorkflowStatus s =
        new WorkflowStatus(
            phase,
            clock.instant(),
            clock.instant(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    store.update(wf.withStatus(s));
  }

  /** Edits the CronWorkflow's spec as JSON. */
  void editSpec(Consumer<ObjectNode> edit) {
    ObjectNode tree = (ObjectNode) Codec.tree(cron());
    edit.accept(tree.withObjectProperty("spec"));
    store.update(Codec.convert(tree, CronWorkflow.class));
  }

  static Duration requeueDelay(Result r) {
    return ((Result.RequeueAfter) r).delay();
  }
}
