package dev.weft.store;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link GroupCommitCrashTest}: {@code args[2]} threads write to the SQLite
 * store at {@code args[0]} at once, so their writes share commits, until the process is killed.
 * Each thread {@code t} loops as {@link CrashWriter} does with tag {@code TAG-t}: creates Workflow
 * {@code wf-TAG-t-i}, creates ConfigMap {@code cm-TAG-t-i} owned by it, updates the ConfigMap (each
 * reported as {@code committed VERSION ACTION NAME;}), and deletes the previous iteration's
 * Workflow, whose ConfigMap goes with it (reported as {@code gone WORKFLOW CONFIGMAP;}, since a
 * delete returns no version). Every line is flushed when its write has returned. Arguments: file,
 * tag, threads.
 */
public final class GroupCommitCrashWriter {
  private GroupCommitCrashWriter() {}

  public static void main(String[] args) throws InterruptedException {
    String file = args[0];
    String tag = args[1];
    int threads = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    try (JdbcStore store = Stores.open(file)) {
      print(out, "ready " + store.currentResourceVersion() + ";");
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String threadTag = tag + "-" + t;
        writers.add(Thread.ofPlatform().start(() -> writeUntilKilled(store, threadTag, out)));
      }
      for (Thread writer : writers) {
        writer.join();
      }
    }
  }

  private static void writeUntilKilled(JdbcStore store, String tag, PrintStream out) {
    for (int i = 0; ; i++) {
      Workflow wf = store.create(Fixtures.workflow("crash", "wf-" + tag + "-" + i));
      report(out, wf.metadata().resourceVersion(), "ADDED", wf.metadata().name());
      ConfigMap cm =
          store.create(
              Fixtures.ownedBy(
                  Fixtures.configMap("crash", "cm-" + tag + "-" + i, Map.of("n", "0")), wf));
      report(out, cm.metadata().resourceVersion(), "ADDED", cm.metadata().name());
      ConfigMap updated =
          store.update(new ConfigMap(null, null, cm.metadata(), Map.of("n", "" + i), null, null));
      report(out, updated.metadata().resourceVersion(), "MODIFIED", cm.metadata().name());
      if (i > 0) {
        store.delete(Workflow.class, "crash", "wf-" + tag + "-" + (i - 1));
        print(out, "gone wf-" + tag + "-" + (i - 1) + " cm-" + tag + "-" + (i - 1) + ";");
      }
    }
  }

  private static void report(PrintStream out, String version, String action, String name) {
    print(out, "committed " + version + " " + action + " " + name + ";");
  }

  /** One whole line at a time, however many threads print. */
  private static void print(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
