package dev.weft.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The mixed workflows of the crash test. Every step appends its pod's hostname (the pod name) to a
 * witness file on the host, so a step that ran twice shows up twice; steps sleep so the server is
 * killed while they run; outputs flow between steps so lost or repeated results would show.
 */
final class CrashWorkflows {
  private CrashWorkflows() {}

  private static final String WORK =
      """
      - name: work
        inputs: {parameters: [{name: msg}, {name: nap, default: "1"}]}
        container:
          image: alpine
          command: [sh, -c]
          args: ["uname -n >> /witness/{{workflow.name}}; sleep {{inputs.parameters.nap}}; echo {{inputs.parameters.msg}}"]
          volumeMounts: [{name: witness, mountPath: /witness}]
      """;

  private static final List<String> SHAPES =
      List.of(
          // steps passing results along
          """
          - name: main
            steps:
            - - {name: a, template: work, arguments: {parameters: [{name: msg, value: one}]}}
            - - {name: b, template: work, arguments: {parameters: [{name: msg, value: "{{steps.a.outputs.result}}-two"}]}}
            - - {name: c, template: work, arguments: {parameters: [{name: msg, value: "{{steps.b.outputs.result}}-three"}, {name: nap, value: "0"}]}}
          """,
          // a DAG diamond
          """
          - name: main
            dag:
              tasks:
              - {name: A, template: work, arguments: {parameters: [{name: msg, value: a}]}}
              - {name: B, template: work, dependencies: [A], arguments: {parameters: [{name: msg, value: "{{tasks.A.outputs.result}}b"}, {name: nap, value: "2"}]}}
              - {name: C, template: work, dependencies: [A], arguments: {parameters: [{name: msg, value: "{{tasks.A.outputs.result}}c"}]}}
              - {name: D, template: work, dependencies: [B, C], arguments: {parameters: [{name: msg, value: "{{tasks.B.outputs.result}}{{tasks.C.outputs.result}}"}]}}
          """,
          // a fan-out and a join
          """
          - name: main
            steps:
            - - {name: fan, template: work, withItems: [w, x, y, z], arguments: {parameters: [{name: msg, value: "{{item}}"}]}}
            - - {name: join, template: work, arguments: {parameters: [{name: msg, value: "{{steps.fan.outputs.result}}"}, {name: nap, value: "0"}]}}
          """,
          // a retry the workflow asks for: the first attempt fails
          """
          - name: main
            steps:
            - - {name: flaky, template: flaky}
          - name: flaky
            retryStrategy: {limit: 2}
            container:
              image: alpine
              command: [sh, -c]
              args: ["uname -n >> /witness/{{workflow.name}}; sleep 1; test {{retries}} -ge 1"]
              volumeMounts: [{name: witness, mountPath: /witness}]
          """,
          // a failure, with an exit handler that sees it
          """
          - name: main
            steps:
            - - {name: ok, template: work, arguments: {parameters: [{name: msg, value: fine}]}}
            - - {name: broken, template: broken}
          - name: broken
            container:
              image: alpine
              command: [sh, -c]
              args: ["uname -n >> /witness/{{workflow.name}}; sleep 1; exit 3"]
              volumeMounts: [{name: witness, mountPath: /witness}]
          - name: bye
            steps:
            - - {name: report, template: work, arguments: {parameters: [{name: msg, value: "{{workflow.status}}"}, {name: nap, value: "0"}]}}
          """);

  /** The create request for workflow {@code index}, named {@code name}. */
  static String request(int index, String name, Path witness) throws IOException {
    String shape = SHAPES.get(index % SHAPES.size());
    String yaml =
        "metadata: {name: "
            + name
            + "}\nspec:\n  entrypoint: main\n"
            + (shape.contains("name: bye") ? "  onExit: bye\n" : "")
            + "  volumes: [{name: witness, hostPath: {path: \""
            + witness
            + "\"}}]\n  templates:\n"
            + indent(shape + WORK);
    ObjectNode wf = (ObjectNode) Codec.yaml().readTree(yaml);
    wf.put("apiVersion", "argoproj.io/v1alpha1");
    wf.put("kind", "Workflow");
    ObjectNode body = Codec.json().createObjectNode();
    body.set("workflow", wf);
    return Codec.toJson(body);
  }

  private static String indent(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) out.append("  ").append(line).append('\n');
    return out.toString();
  }

  /** What must match between runs: phase, and each node's phase and outputs, by display name. */
  static String summary(JsonNode wf) {
    StringBuilder out = new StringBuilder(wf.path("status").path("phase").asText()).append('\n');
    java.util.List<String> nodes = new java.util.ArrayList<>();
    wf.path("status")
        .path("nodes")
        .forEach(
            n ->
                nodes.add(
                    n.path("displayName").asText()
                        + " "
                        + n.path("phase").asText()
                        + " "
                        + n.path("outputs").path("result").asText("")
                        + " "
                        + n.path("outputs").path("exitCode").asText("")));
    nodes.stream().sorted().forEach(n -> out.append(n).append('\n'));
    return out.toString();
  }
}
