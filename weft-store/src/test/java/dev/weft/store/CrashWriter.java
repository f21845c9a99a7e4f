package dev.weft.store;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.io.PrintStream;
import java.util.Map;

/**
 * The child process of {@link CrashTest} and {@link SqliteSharedFileTest}: writes to the SQLite
 * store at {@code args[0]} in a loop and prints one line per committed write, {@code committed
 * VERSION ACTION NAME;}, flushed before the next write starts. Each iteration {@code i} creates
 * Workflow {@code wf-TAG-i}, creates ConfigMap {@code cm-TAG-i} owned by it, updates the ConfigMap,
 * and deletes the previous iteration's Workflow (which cascades to its ConfigMap in the same
 * transaction). Arguments: file, tag, iterations (0: until killed).
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) {
    String file = args[0];
    String tag = args[1];
    int iterations = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    try (JdbcStore store = Stores.open(file)) {
      out.println("ready " + store.currentResourceVersion() + ";");
      out.flush();
      for (int i = 0; iterations == 0 || i < iterations; i++) {
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
          String previous = "wf-" + tag + "-" + (i - 1);
          store.delete(Workflow.class, "crash", previous);
          // the Workflow goes first, then its ConfigMap: the transaction's last version
          report(out, store.currentResourceVersion(), "DELETED", "cm-" + tag + "-" + (i - 1));
        }
      }
    }
  }

  private static void report(PrintStream out, String version, String action, String name) {
    out.println("committed " + version + " " + action + " " + name + ";");
    out.flush();
  }
}
