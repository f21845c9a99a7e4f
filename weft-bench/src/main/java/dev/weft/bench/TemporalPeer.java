package dev.weft.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Temporal's Java SDK on its in-process test server: workflows calling a no-op activity, in a
 * sequence, all at once and joined, or once each for many workflows.
 */
final class TemporalPeer implements Peer {
  private static final String QUEUE = "bench";
  private final TestWorkflowEnvironment env;
  private int ids;

  @ActivityInterface
  public interface Noop {
    void noop();
  }

  public static final class NoopImpl implements Noop {
    @Override
    public void noop() {}
  }

  @WorkflowInterface
  public interface Steps {
    /** {@code width} 0: a chain of {@code steps}; else {@code width} parallel steps between two. */
    @WorkflowMethod
    int run(int steps, int width);
  }

  public static final class StepsImpl implements Steps {
    private final Noop act =
        Workflow.newActivityStub(
            Noop.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public int run(int steps, int width) {
      if (width == 0) {
        for (int i = 0; i < steps; i++) act.noop();
        return steps;
      }
      act.noop();
      List<Promise<Void>> all = new ArrayList<>();
      for (int i = 0; i < width; i++) all.add(Async.procedure(act::noop));
      Promise.allOf(all).get();
      act.noop();
      return width + 2;
    }
  }

  TemporalPeer() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(true).build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(StepsImpl.class);
    worker.registerActivitiesImplementations(new NoopImpl());
    env.start();
  }

  @Override
  public String name() {
    return "Temporal";
  }

  private Steps stub() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            Steps.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("wf-" + ids++).build());
  }

  @Override
  public double chain(int steps) {
    long t0 = System.nanoTime();
    stub().run(steps, 0);
    return Stats.millis(System.nanoTime() - t0);
  }

  @Override
  public double fanOut(int width) {
    long t0 = System.nanoTime();
    stub().run(0, width);
    return Stats.millis(System.nanoTime() - t0);
  }

  @Override
  public double manyWorkflows(int count) {
    long t0 = System.nanoTime();
    List<CompletableFuture<Integer>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Steps s = stub();
      all.add(WorkflowClient.execute(s::run, 1, 0));
    }
    all.forEach(CompletableFuture::join);
    return Stats.millis(System.nanoTime() - t0);
  }

  @Override
  public void close() {
    env.close();
  }
}
