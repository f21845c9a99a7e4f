package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashTest} with group commit: a child process writes from {@link #THREADS} threads at once
 * (so writes share commits) and is killed with SIGKILL at a random moment, several times over one
 * SQLite file. After each kill the file opens cleanly and holds every write any thread reported as
 * committed, and at most the writes in flight (one per thread) went unreported.
 */
class GroupCommitCrashTest {
  private static final int KILLS = 3;
  private static final int THREADS = 8;
  private static final Pattern GONE = Pattern.compile("gone (\\S+) (\\S+);");

  @TempDir Path dir;

  /** What the child reported before it died. */
  private record Reported(List<CommittedLine> committed, List<Gone> gone) {}

  /** A reported delete: the Workflow and the ConfigMap it owned. */
  private record Gone(String workflow, String configMap) {}

  @Test
  void everyWriteReportedByAnyThreadSurvivesSigkill() throws Exception {
    Path file = dir.resolve("crash.db");
    Random random = new Random(11);
    int verified = 0;
    for (int run = 0; run < KILLS; run++) {
      long before;
      try (JdbcStore store = Stores.open(file.toString())) {
        before = Long.parseLong(store.currentResourceVersion());
      }
      Reported reported = runAndKill(file, "g" + run, 40 + random.nextInt(160), random);

      try (JdbcStore store = Stores.open(file.toString())) {
        assertThat(CrashTest.query(store, "PRAGMA integrity_check")).isEqualTo("ok");
        long current = Long.parseLong(store.currentResourceVersion());
        Map<Long, WatchEvent> history = CrashTest.history(store, before, current);
        assertThat(history.keySet()).hasSize((int) (current - before));
        for (CommittedLine line : reported.committed()) {
          WatchEvent event = history.get(line.version());
          assertThat(event).as("change %s", line).isNotNull();
          assertThat(event.type()).isEqualTo(line.type());
          assertThat(event.object().metadata().name()).isEqualTo(line.name());
        }
        for (Gone gone : reported.gone()) {
          assertThat(store.get(Workflow.class, "crash", gone.workflow())).isEmpty();
          assertThat(store.get(ConfigMap.class, "crash", gone.configMap())).isEmpty();
        }
        // a reported delete is two changes; each thread had at most one write (of up to two
        // changes) committed or in flight but not reported
        long unreported =
            (current - before) - reported.committed().size() - 2L * reported.gone().size();
        assertThat(unreported).isBetween(0L, 2L * THREADS);
        CrashTest.assertNoOrphans(store);
        ConfigMap after = store.create(Fixtures.configMap("crash", "after-" + run, Map.of()));
        assertThat(Long.parseLong(after.metadata().resourceVersion())).isEqualTo(current + 1);
      }
      verified += reported.committed().size() + reported.gone().size();
    }
    System.out.printf(
        "group commit crash test: %d kills of %d writer threads, %d reported writes verified%n",
        KILLS, THREADS, verified);
    assertThat(verified).isGreaterThanOrEqualTo(KILLS * 40);
  }

  /** Starts the writers, kills them after {@code commits} reported commits; all they reported. */
  private Reported runAndKill(Path file, String tag, int commits, Random random) throws Exception {
    Process child =
        ChildJvm.start(
            GroupCommitCrashWriter.class,
            dir.resolve("child.err"),
            file.toString(),
            tag,
            Integer.toString(THREADS));
    Reported reported = new Reported(new ArrayList<>(), new ArrayList<>());
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      while (reported.committed().size() < commits) {
        assertThat(readLine(out, reported)).as("the writer ended early; see child.err").isTrue();
      }
      Thread.sleep(random.nextInt(10));
      // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
      assertThat(child.toHandle().destroyForcibly()).isTrue();
      while (readLine(out, reported)) {
        // everything printed before the kill counts
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    return reported;
  }

  /** Reads one line into {@code reported} (a line cut short by the kill counts for nothing). */
  private static boolean readLine(BufferedReader out, Reported reported) throws IOException {
    String line = out.readLine();
    if (line == null) {
      return false;
    }
    CommittedLine.parse(line).ifPresent(reported.committed()::add);
    Matcher gone = GONE.matcher(line);
    if (gone.matches()) {
      reported.gone().add(new Gone(gone.group(1), gone.group(2)));
    }
    return true;
  }
}
