package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final String FAN_OUT =
      """
      spec:
        entrypoint: main
        %s
        templates:
        - name: main
          %s
          steps:
          - - {name: a, template: work, withItems: [1, 2, 3, 4, 5]}
        - name: work
          container: {image: alpine}
      """;

  @Test
  void withoutLimitsLoopItemsAllRunAtOnce() {
    Simulation sim = Simulation.of(FAN_OUT.formatted("", "")).run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(5);
  }

  @Test
  void workflowParallelismOneRunsOnePodAtATime() {
    Simulation sim = Simulation.of(FAN_OUT.formatted("parallelism: 1", "")).run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(1);
    assertThat(sim.podsRun()).hasSize(5);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void workflowParallelismAppliesAcrossADag() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  parallelism: 2
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: A, template: work}
                      - {name: B, template: work}
                      - {name: C, template: work}
                      - {name: D, template: work, dependencies: [A]}
                  - name: work
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(2);
    assertThat(sim.podsRun()).hasSize(4);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void templateParallelismLimitsALoop() {
    Simulation sim = Simulation.of(FAN_OUT.formatted("", "parallelism: 2")).run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(2);
    assertThat(sim.podsRun()).hasSize(5);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void parallelismKeepsTheLoopOrder() {
    Simulation sim = Simulation.of(FAN_OUT.formatted("parallelism: 1", "")).run();

    assertThat(sim.podsRun())
        .containsExactly(
            "wf[0].a(0:1)", "wf[0].a(1:2)", "wf[0].a(2:3)", "wf[0].a(3:4)", "wf[0].a(4:5)");
  }

  private static final String MUTEX =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: a, template: locked}
            - {name: b, template: locked}
            - {name: c, template: free}
        - name: locked
          synchronization:
            mutex: {name: the-lock}
          container: {image: alpine}
        - name: free
          container: {image: alpine}
      """;

  @Test
  void stepsSharingAMutexNeverRunAtOnce() {
    Simulation sim = Simulation.of(MUTEX).run();

    assertThat(sim.overlapped("a", "b")).isFalse();
    assertThat(sim.phaseOf("a")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("b")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void mutexDoesNotHoldBackUnlockedSteps() {
    Simulation sim = Simulation.of(MUTEX).run();

    assertThat(sim.overlapped("a", "c")).isTrue();
  }

  @Test
  void nodeWaitingForAMutexSaysSo() {
    Simulation sim = Simulation.of(MUTEX).pod("a", Pod.hang()).run();

    assertThat(sim.phaseOf("b")).isEqualTo("Pending");
    assertThat(sim.messageOf("b"))
        .isEqualTo("Waiting for default/Mutex/the-lock lock. Lock status: 1/1");
  }

  @Test
  void semaphoreFromConfigMapLimitsConcurrency() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: limited, withItems: [1, 2, 3, 4]}
                  - name: limited
                    synchronization:
                      semaphore: {configMapKeyRef: {name: limits, key: work}}
                    container: {image: alpine}
                """)
            .library(
                new Library(
                    java.util.Map.of(),
                    java.util.Map.of(),
                    java.util.Map.of(
                        "limits", Simulation.configMap("limits", java.util.Map.of("work", "2"))),
                    java.util.Map.of()))
            .run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(2);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }
}
