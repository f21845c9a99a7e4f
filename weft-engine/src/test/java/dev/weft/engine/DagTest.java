package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodeType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DagTest {
  /** A DAG named main whose tasks (YAML list items) all run the "echo" container. */
  static Simulation dag(String tasks) {
    return dag("", tasks);
  }

  static Simulation dag(String dagFields, String tasks) {
    return Simulation.of(
        """
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
              %s
              tasks:
        %s
          - name: echo
            container: {image: alpine}
        """
            .formatted(dagFields, tasks.indent(6)));
  }

  private static final String DIAMOND =
      """
      - {name: A, template: echo}
      - {name: B, template: echo, dependencies: [A]}
      - {name: C, template: echo, dependencies: [A]}
      - {name: D, template: echo, dependencies: [B, C]}
      """;

  @Test
  void taskNodesAreNamedWorkflowDotTask() {
    Simulation sim = dag(DIAMOND).run();

    assertThat(sim.nodeNames()).containsExactlyInAnyOrder("wf", "wf.A", "wf.B", "wf.C", "wf.D");
    assertThat(sim.node("wf").type()).isEqualTo(NodeType.DAG);
    assertThat(sim.node("wf.A").displayName()).isEqualTo("A");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void diamondRunsInDependencyOrder() {
    Simulation sim = dag(DIAMOND).run();

    assertThat(sim.podsRun().get(0)).isEqualTo("wf.A");
    assertThat(sim.podsRun().subList(1, 3)).containsExactlyInAnyOrder("wf.B", "wf.C");
    assertThat(sim.podsRun().get(3)).isEqualTo("wf.D");
    assertThat(sim.overlapped("B", "C")).isTrue();
  }

  @Test
  void taskWaitsForItsSlowestDependency() {
    Simulation sim = dag(DIAMOND).pod("C", Pod.ok().runningFor(Duration.ofSeconds(30))).run();

    assertThat(sim.podOf("D").startedAt).isAfterOrEqualTo(sim.podOf("C").endedAt());
  }

  @Test
  void diamondChildrenFollowTheDependencies() {
    Simulation sim = dag(DIAMOND).run();

    assertThat(sim.node("wf").children()).containsExactly(sim.node("wf.A").id());
    assertThat(sim.node("wf.A").children())
        .containsExactlyInAnyOrder(sim.node("wf.B").id(), sim.node("wf.C").id());
    assertThat(sim.node("wf.B").children()).containsExactly(sim.node("wf.D").id());
  }

  @Test
  void failedDependencyOmitsTheDependentAndFailsTheDag() {
    Simulation sim = dag(DIAMOND).pod("A", Pod.fail(1)).run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo("Omitted");
    assertThat(sim.messageOf("wf.B")).isEqualTo("omitted: depends condition not met");
    assertThat(sim.phaseOf("wf.D")).isEqualTo("Omitted");
    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.podsRun()).containsExactly("wf.A");
  }

  @ParameterizedTest(name = "A {0}, B depends ''{1}'' -> B {2}")
  @CsvSource({
    "ok,   A.Succeeded,               Succeeded",
    "fail, A.Succeeded,               Omitted",
    "fail, A.Failed,                  Succeeded",
    "ok,   A.Failed,                  Omitted",
    "ok,   A,                         Succeeded",
    "fail, A,                         Omitted",
    "fail, A.Succeeded || A.Failed,   Succeeded",
    "ok,   !A.Failed,                 Succeeded",
    "err,  A.Errored,                 Succeeded",
    "err,  A.Failed,                  Omitted",
  })
  void dependsDecidesWhetherTheTaskRuns(String a, String depends, String phaseOfB) {
    Simulation sim =
        dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: "%s"}
                """
                .formatted(depends))
            .pod(
                "A",
                switch (a) {
                  case "fail" -> Pod.fail(1);
                  case "err" -> Pod.error("boom");
                  default -> Pod.ok();
                })
            .run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo(phaseOfB);
  }

  @Test
  void dependsOnSkippedTaskRuns() {
    Simulation sim =
        dag("""
                - {name: A, template: echo, when: "false"}
                - {name: B, template: echo, depends: A.Skipped}
                - {name: C, template: echo, depends: A.Succeeded}
                """)
            .run();

    assertThat(sim.phaseOf("wf.A")).isEqualTo("Skipped");
    assertThat(sim.phaseOf("wf.B")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("wf.C")).isEqualTo("Omitted");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void falseWhenSkipsTheTaskWithArgosMessage() {
    Simulation sim =
        dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, dependencies: [A], when: "{{tasks.A.status}} == Failed"}
                """)
            .run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo("Skipped");
    assertThat(sim.messageOf("wf.B")).isEqualTo("when 'Succeeded == Failed' evaluated false");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void bareDependencyAcceptsASkippedTask() {
    Simulation sim =
        dag("""
                - {name: A, template: echo, when: "false"}
                - {name: B, template: echo, depends: A}
                """)
            .run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo("Succeeded");
  }

  @ParameterizedTest(name = "items {0}, depends {1} -> {2}")
  @CsvSource({
    "'ok,fail',   A.AnySucceeded, Succeeded",
    "'fail,fail', A.AnySucceeded, Omitted",
    "'fail,fail', A.AllFailed,    Succeeded",
    "'ok,fail',   A.AllFailed,    Omitted",
  })
  void loopAggregatesDecideDepends(String items, String depends, String phaseOfB) {
    String[] outcomes = items.split(",");
    Simulation sim =
        dag(
            """
            - {name: A, template: echo, withItems: [x, y]}
            - {name: B, template: echo, depends: %s}
            """
                .formatted(depends));
    sim.pod("A(0:x)", outcomes[0].equals("ok") ? Pod.ok() : Pod.fail(1));
    sim.pod("A(1:y)", outcomes[1].equals("ok") ? Pod.ok() : Pod.fail(1));
    sim.run();

    assertThat(sim.node("wf.A").type()).isEqualTo(NodeType.TaskGroup);
    assertThat(sim.phaseOf("wf.B")).isEqualTo(phaseOfB);
  }

  @Test
  void dagSucceedsWhenTheFailureIsHandledByTheTarget() {
    Simulation sim =
        dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: A.Failed}
                """)
            .pod("A", Pod.fail(1))
            .run();

    assertThat(sim.phaseOf("wf.A")).isEqualTo("Failed");
    assertThat(sim.phaseOf("wf")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void omittedTargetTakesThePhaseOfItsFailedBranch() {
    Simulation sim =
        dag("""
                - {name: A, template: echo}
                - {name: B, template: echo, depends: A.Succeeded}
                """)
            .pod("A", Pod.fail(1))
            .run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo("Omitted");
    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
  }

  @Test
  void continueOnFailedOnATargetDoesNotFailTheDag() {
    Simulation sim =
        dag("- {name: A, template: echo, continueOn: {failed: true}}").pod("A", Pod.fail(1)).run();

    assertThat(sim.phaseOf("wf.A")).isEqualTo("Failed");
    assertThat(sim.phaseOf("wf")).isEqualTo("Succeeded");
  }

  @Test
  void continueOnFailedLetsBareDependentsRun() {
    Simulation sim =
        dag("""
                - {name: A, template: echo, continueOn: {failed: true}}
                - {name: B, template: echo, dependencies: [A]}
                """)
            .pod("A", Pod.fail(1))
            .run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void failedIndependentBranchFailsTheDagAfterOthersFinish() {
    Simulation sim =
        dag("""
                - {name: A, template: echo}
                - {name: B, template: echo}
                """)
            .pod("A", Pod.fail(1))
            .pod("B", Pod.ok().runningFor(Duration.ofSeconds(10)))
            .run();

    assertThat(sim.phaseOf("wf.B")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
  }

  @Test
  void targetRunsOnlyTheTargetAndItsDependencies() {
    Simulation sim = dag("target: B", DIAMOND).run();

    assertThat(sim.podsRun()).containsExactly("wf.A", "wf.B");
    assertThat(sim.find("wf.D")).isEmpty();
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void failFastFalseStillFailsTheDag() {
    Simulation sim =
        dag(
                "failFast: false",
                """
                - {name: A, template: echo}
                - {name: B, template: echo}
                - {name: C, template: echo, dependencies: [B]}
                """)
            .pod("A", Pod.fail(1))
            .pod("B", Pod.ok().runningFor(Duration.ofSeconds(5)))
            .run();

    assertThat(sim.phaseOf("wf.C")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
  }

  @Test
  void nestedDagTasksAreNamedUnderTheOuterTask() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: outer, template: inner}
                      - {name: after, template: echo, dependencies: [outer]}
                  - name: inner
                    dag:
                      tasks:
                      - {name: X, template: echo}
                      - {name: Y, template: echo, dependencies: [X]}
                  - name: echo
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.podsRun()).containsExactly("wf.outer.X", "wf.outer.Y", "wf.after");
    assertThat(sim.node("wf.outer.X").boundaryID()).isEqualTo(sim.node("wf.outer").id());
    assertThat(sim.node("wf.outer.Y").children()).containsExactly(sim.node("wf.after").id());
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void failureInsideNestedDagFailsTheOuterTask() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: outer, template: inner}
                      - {name: after, template: echo, dependencies: [outer]}
                  - name: inner
                    dag:
                      tasks:
                      - {name: X, template: echo}
                  - name: echo
                    container: {image: alpine}
                """)
            .pod("X", Pod.fail(1))
            .run();

    assertThat(sim.phaseOf("wf.outer")).isEqualTo("Failed");
    assertThat(sim.phaseOf("wf.after")).isEqualTo("Omitted");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void taskOutputsFlowToDependents() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: A, template: echo}
                      - name: B
                        template: show
                        dependencies: [A]
                        arguments:
                          parameters: [{name: v, value: "{{tasks.A.outputs.result}}"}]
                  - name: echo
                    container: {image: alpine}
                  - name: show
                    inputs: {parameters: [{name: v}]}
                    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
                """)
            .pod("A", Pod.ok("from-a"))
            .run();

    assertThat(sim.argsOf("B")).containsExactly("from-a");
  }

  @Test
  void dependencyOnUndefinedTaskErrorsTheDag() {
    Simulation sim = dag("- {name: A, template: echo, dependencies: [nope]}").run();

    assertThat(sim.phaseOf("wf")).isEqualTo("Error");
    assertThat(sim.podsRun()).isEmpty();
  }
}
