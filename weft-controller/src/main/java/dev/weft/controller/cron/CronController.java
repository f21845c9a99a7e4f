package dev.weft.controller.cron;

import dev.weft.controller.informer.InformerSource;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Workflow;
import dev.weft.runtime.Controller;
import dev.weft.runtime.EventHandler;
import dev.weft.runtime.Informer;
import dev.weft.store.Store;
import java.time.Clock;
import java.time.Duration;

/**
 * The CronWorkflow controller: an informer over CronWorkflows feeds the queue; the workflows a
 * CronWorkflow started wake it when they change ({@link #workflowChanged}), so its active list and
 * counters follow them; its reconciler asks to be woken at the next activation.
 */
public final class CronController implements AutoCloseable {
  private final Informer<CronKey, CronWorkflow> informer;
  private final Controller<CronKey> controller;

  public CronController(Store store, Clock clock) {
    this(store, InformerSource.of(store), clock);
  }

  public CronController(Store store, InformerSource informers, Clock clock) {
    this.controller =
        Controller.builder("cronworkflow", new CronWorkflowReconciler(store, clock))
            .workers(2)
            .build();
    this.informer =
        informers.informer(
            CronWorkflow.class,
            c -> new CronKey(c.metadata().namespaceOrDefault(), c.metadata().name()));
    informer.addEventHandler(
        new EventHandler<>() {
          @Override
          public void onAdd(CronWorkflow c) {
            enqueue(c);
          }

          @Override
          public void onUpdate(CronWorkflow before, CronWorkflow after) {
            // Its own status writes change no generation; spec edits (suspend, schedule) do.
            if (!java.util.Objects.equals(
                before.metadata().generation(), after.metadata().generation())) {
              enqueue(after);
            }
          }

          @Override
          public void onDelete(CronWorkflow c) {
            enqueue(c);
          }
        });
  }

  private void enqueue(CronWorkflow c) {
    controller.enqueue(new CronKey(c.metadata().namespaceOrDefault(), c.metadata().name()));
  }

  /** A workflow changed: its CronWorkflow, if any, looks again. */
  public void workflowChanged(Workflow wf) {
    CronKey.ownerOf(wf).ifPresent(controller::enqueue);
  }

  public void start() throws InterruptedException {
    controller.start();
    informer.start();
    informer.waitForSync(Duration.ofMinutes(1));
  }

  @Override
  public void close() throws InterruptedException {
    informer.close();
    controller.shutdown(Duration.ofSeconds(5));
  }
}
