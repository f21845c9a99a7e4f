package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.engine.Engine;
import dev.weft.engine.Limits;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflows built to hang or exhaust the controller end in Error or Failed with a reason, while a
 * plain workflow submitted with them runs its real step to the end.
 */
class HostileWorkflowsTest {
  @TempDir Path dir;
  private LocalController plane;

  @AfterEach
  void stop() throws Exception {
    if (plane != null) plane.close();
  }

  private static final Map<String, String> HOSTILE =
      Map.of(
          "recursion-bomb",
          """
          spec:
            entrypoint: main
            templates:
            - name: main
              steps:
              - - {name: again, template: main}
                - {name: twice, template: main}
          """,
          "million-items",
          """
          spec:
            entrypoint: main
            templates:
            - name: main
              steps:
              - - {name: each, template: nap, withSequence: {count: "1000000"}}
            - name: nap
              container: {image: alpine, command: [true]}
          """,
          "repeat",
          """
          spec:
            entrypoint: main
            arguments: {parameters: [{name: x, value: x}]}
            templates:
            - name: main
              container:
                image: alpine
                command: [echo, "{{= sprig.repeat(2000000000, workflow.parameters.x) }}"]
          """,
          "doubling",
          """
          spec:
            entrypoint: main
            arguments: {parameters: [{name: x, value: x}]}
            templates:
            - name: main
              steps:
              - - name: s
                  template: nap
                  when: "'{{= reduce(1..64, #acc + #acc, workflow.parameters.x) }}' == x"
            - name: nap
              container: {image: alpine, command: [true]}
          """,
          "range",
          """
          spec:
            entrypoint: main
            arguments: {parameters: [{name: n, value: "9000000000"}]}
            templates:
            - name: main
              container:
                image: alpine
                command: [echo, "{{= toJson(1..asInt(workflow.parameters.n)) }}"]
          """);

  @Test
  void hostileWorkflowsEndWithAReasonWhileAPlainOneCompletes() throws Exception {
    Engine engine = new Engine(Limits.DEFAULT);
    plane = new LocalController(dir, engine::reconcile);
    HOSTILE.forEach((name, spec) -> plane.store.create(LocalController.workflow(name, spec)));
    plane.store.create(
        LocalController.workflow(
            "plain",
            """
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: alpine, command: [sh, -c, "echo hi"]}
            """));

    assertThat(plane.awaitCompleted("plain").status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    for (String name : HOSTILE.keySet()) {
      Workflow wf = plane.awaitCompleted(name);
      assertThat(wf.status().phase()).as(name).isIn(WorkflowPhase.FAILED, WorkflowPhase.ERROR);
      assertThat(wf.status().nodes().values())
          .as(name)
          .anyMatch(
              n ->
                  n.message() != null
                      && (n.message().startsWith("Maximum recursion depth exceeded")
                          || n.message().contains("more than the limit")));
    }
  }
}
