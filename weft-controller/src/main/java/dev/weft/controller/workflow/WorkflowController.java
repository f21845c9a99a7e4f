package dev.weft.controller.workflow;

import dev.weft.controller.informer.InformerSource;
import dev.weft.controller.pod.PodRuntime;
import dev.weft.engine.Engine;
import dev.weft.engine.event.Event;
import dev.weft.model.Workflow;
import dev.weft.runtime.Controller;
import dev.weft.runtime.EventHandler;
import dev.weft.runtime.Informer;
import dev.weft.runtime.MetricsSnapshot;
import dev.weft.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Workflow controller: an informer over the store's workflows feeds a rate-limited queue that
 * the {@link WorkflowReconciler} drains. Whoever writes a workflow (the server, the cron
 * controller, another process on the same database) wakes it through the watch.
 *
 * <p>Every workflow the informer first sees is reconciled with a {@link Event.Resync}: a process
 * that just started knows none of the pods a previous one started, so it asks for them again and
 * the executor re-adopts them. Updates wake the reconciler when someone else wrote the workflow
 * (suspend, shutdown, retry, `argo resume`'s status edit, a server's recorded resume): the
 * reconciler's own writes would otherwise wake it for nothing.
 */
public final class WorkflowController implements AutoCloseable {
  private final Informer<WorkflowKey, Workflow> informer;
  private final Controller<WorkflowKey> controller;
  private final WorkflowReconciler reconciler;
  private final java.util.List<Consumer<Workflow>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public WorkflowController(Store store, Engine engine, PodRuntime pods, Clock clock, int workers) {
    this(store, WorkflowReconciler.Decider.of(engine), pods, clock, workers);
  }

  /** A controller whose workflows are decided by {@code engine} (a stand-in, in tests). */
  public WorkflowController(
      Store store, WorkflowReconciler.Decider engine, PodRuntime pods, Clock clock, int workers) {
    this(store, InformerSource.of(store), engine, pods, clock, workers);
  }

  /** A controller whose informer comes from {@code informers} (the API server, on a cluster). */
  public WorkflowController(
      Store store,
      InformerSource informers,
      WorkflowReconciler.Decider engine,
      PodRuntime pods,
      Clock clock,
      int workers) {
    this(
        store,
        informers,
        engine,
        pods,
        clock,
        workers,
        WorkflowDefaults.NONE,
        WorkflowThrottle.NONE);
  }

  /**
   * As above, each workflow decided on with the controller's workflowDefaults and started as its
   * parallelism allows.
   */
  public WorkflowController(
      Store store,
      InformerSource informers,
      WorkflowReconciler.Decider engine,
      PodRuntime pods,
      Clock clock,
      int workers,
      WorkflowDefaults defaults,
      WorkflowThrottle throttle) {
    this(store, informers, engine, pods, clock, workers, defaults, throttle, null);
  }

  /** As above, each completed workflow signed by {@code notary} (null: none). */
  public WorkflowController(
      Store store,
      InformerSource informers,
      WorkflowReconciler.Decider engine,
      PodRuntime pods,
      Clock clock,
      int workers,
      WorkflowDefaults defaults,
      WorkflowThrottle throttle,
      dev.weft.controller.provenance.Notary notary) {
    Controller<?>[] self = new Controller<?>[1];
    this.reconciler =
        new WorkflowReconciler(
            store,
            engine,
            pods,
            new Inbox(),
            clock,
            key -> ((Controller<WorkflowKey>) self[0]).enqueue(key),
            defaults,
            throttle,
            notary);
    this.controller = Controller.builder("workflow", reconciler).workers(workers).build();
    self[0] = controller;
    this.informer = informers.informer(Workflow.class, WorkflowKey::of);
    informer.addEventHandler(
        new EventHandler<>() {
          @Override
          public void onAdd(Workflow wf) {
            reconciler.report(WorkflowKey.of(wf), wf.metadata().uid(), new Event.Resync());
            tell(wf);
          }

          @Override
          public void onUpdate(Workflow before, Workflow after) {
            // Someone else's change: the spec, the status (`argo resume` edits it), an action
            // recorded in an annotation by a server in another process.
            if (!reconciler.wroteLast(after)) controller.enqueue(WorkflowKey.of(after));
            tell(after);
          }

          @Override
          public void onDelete(Workflow wf) {
            pods.forget(wf);
            controller.enqueue(WorkflowKey.of(wf));
            tell(wf);
          }
        });
  }

  /**
   * Also tells {@code listener} of every workflow change (the cron controller follows its runs).
   */
  public void onChange(Consumer<Workflow> listener) {
    listeners.add(listener);
  }

  private void tell(Workflow wf) {
    listeners.forEach(l -> l.accept(wf));
  }

  /** Starts the workers and the informer, and waits for the informer's first list. */
  public void start() throws InterruptedException {
    controller.start();
    informer.start();
    informer.waitForSync(Duration.ofMinutes(1));
  }

  public void enqueue(WorkflowKey key) {
    controller.enqueue(key);
  }

  /** Records an event for a workflow and wakes its reconciler. */
  public void report(WorkflowKey key, Event event) {
    reconciler.report(key, event);
  }

  public MetricsSnapshot metrics() {
    return controller.metrics();
  }

  @Override
  public void close() throws InterruptedException {
    informer.close();
    controller.shutdown(Duration.ofSeconds(5));
  }
}
