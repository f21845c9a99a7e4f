package dev.weft.cli.client;

import dev.weft.cli.view.LiveView;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

/**
 * `argo watch`: on a terminal the `get` view is redrawn at each change; elsewhere each node change
 * is a line, and the `get` view is printed once the workflow completes.
 */
public final class WorkflowWatch {
  private WorkflowWatch() {}

  /** Watches until the workflow completes; returns it completed. */
  public static Workflow watch(
      ApiClient api, String namespace, String name, PrintStream out, boolean wide) {
    boolean terminal = Terminal.interactive(out);
    LiveView lines = new LiveView(out, false, (pod, container) -> Optional.empty());
    Workflow done =
        WorkflowFollower.follow(
            api,
            namespace,
            name,
            wf -> {
              if (terminal) {
                out.print("\033[H\033[2J"); // home and clear, as argo watch does
                WorkflowPrinter.describe(wf, wide, Instant.now()).forEach(out::println);
              } else {
                lines.update(wf, Instant.now());
              }
            });
    if (!terminal) {
      out.println();
      WorkflowPrinter.describe(done, wide, Instant.now()).forEach(out::println);
    }
    return done;
  }

  /** `argo wait`: prints {@code NAME Phase at TIME} (unless quiet); true when it Succeeded. */
  public static boolean await(
      ApiClient api, String namespace, String name, boolean quiet, PrintStream out) {
    Workflow done = WorkflowFollower.follow(api, namespace, name, wf -> {});
    if (!quiet) {
      Instant at = done.status().finishedAt();
      out.println(name + " " + done.status().phase().label() + (at == null ? "" : " at " + at));
    }
    return done.status().phase() == WorkflowPhase.SUCCEEDED;
  }
}
