package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** For any shape, when every pod succeeds: the workflow succeeds and order is respected. */
class EnginePropertiesTest {

  @Property(tries = 40)
  void linearStepsRunEachPodOnceInOrder(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 5) Integer> durations) {
    StringBuilder yaml =
        new StringBuilder("spec:\n  entrypoint: main\n  templates:\n  - name: main\n    steps:\n");
    for (int i = 0; i < durations.size(); i++) {
      yaml.append("    - - {name: s").append(i).append(", template: work}\n");
    }
    yaml.append("  - name: work\n    container: {image: alpine}\n");
    Simulation sim = Simulation.of(yaml.toString());
    for (int i = 0; i < durations.size(); i++) {
      sim.pod("s" + i, Pod.ok().runningFor(Duration.ofSeconds(durations.get(i))));
    }

    sim.run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < durations.size(); i++) expected.add("wf[" + i + "].s" + i);
    assertThat(sim.podsRun()).containsExactlyElementsOf(expected);
    for (int i = 1; i < durations.size(); i++) {
      assertThat(sim.podOf("s" + i).startedAt).isAfterOrEqualTo(sim.podOf("s" + (i - 1)).endedAt());
    }
  }

  @Property(tries = 60)
  void dagRunsEachTaskOnceAfterItsDependencies(
      @ForAll @Size(min = 1, max = 8)
          List<@Size(max = 4) Set<@IntRange(min = 0, max = 7) Integer>> rawDeps,
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 1, max = 5) Integer> durations) {
    int n = rawDeps.size();
    List<Set<Integer>> deps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> d = new TreeSet<>();
      for (int j : rawDeps.get(i)) if (j < i) d.add(j);
      deps.add(d);
    }
    StringBuilder yaml =
        new StringBuilder("spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n");
    yaml.append("      tasks:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("      - {name: T").append(i).append(", template: work");
      if (!deps.get(i).isEmpty()) {
        List<String> names = deps.get(i).stream().map(j -> "T" + j).toList();
        yaml.append(", dependencies: [").append(String.join(", ", names)).append("]");
      }
      yaml.append("}\n");
    }
    yaml.append("  - name: work\n    container: {image: alpine}\n");
    Simulation sim = Simulation.of(yaml.toString());
    for (int i = 0; i < n; i++) {
      sim.pod("T" + i, Pod.ok().runningFor(Duration.ofSeconds(durations.get(i))));
    }

    sim.run();

    assertThat(sim.workflowPhase()).as(yaml.toString()).isEqualTo("Succeeded");
    assertThat(sim.podsRun()).as(yaml.toString()).hasSize(n).doesNotHaveDuplicates();
    for (int i = 0; i < n; i++) {
      assertThat(sim.phaseOf("wf.T" + i)).isEqualTo("Succeeded");
      for (int j : deps.get(i)) {
        assertThat(sim.podOf("wf.T" + i).startedAt)
            .as("T%d after T%d in%n%s", i, j, yaml)
            .isAfterOrEqualTo(sim.podOf("wf.T" + j).endedAt());
      }
    }
  }

  @Property(tries = 30)
  void dagWithParallelismNeverExceedsIt(
      @ForAll @Size(min = 1, max = 8)
          List<@Size(max = 3) Set<@IntRange(min = 0, max = 7) Integer>> rawDeps,
      @ForAll @IntRange(min = 1, max = 3) int parallelism) {
    int n = rawDeps.size();
    StringBuilder yaml =
        new StringBuilder("spec:\n  entrypoint: main\n  parallelism: " + parallelism + "\n");
    yaml.append("  templates:\n  - name: main\n    dag:\n      tasks:\n");
    for (int i = 0; i < n; i++) {
      final int self = i;
      List<String> names =
          rawDeps.get(i).stream().filter(j -> j < self).sorted().map(j -> "T" + j).toList();
      yaml.append("      - {name: T").append(i).append(", template: work");
      if (!names.isEmpty())
        yaml.append(", dependencies: [").append(String.join(", ", names)).append("]");
      yaml.append("}\n");
    }
    yaml.append("  - name: work\n    container: {image: alpine}\n");

    Simulation sim = Simulation.of(yaml.toString()).run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    assertThat(sim.maxConcurrentPods()).isLessThanOrEqualTo(parallelism);
    assertThat(sim.podsRun()).hasSize(n);
  }
}
