package dev.weft.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random workflows for properties: steps or DAGs (nested ones too) whose steps and tasks may have
 * loops, retries, when conditions, depends logic, exit hooks, outputs passed on, suspends, and
 * workflow deadlines, parallelism and exit handlers; and pods that succeed or fail at random.
 */
final class RandomWorkflows {
  private final Random random;

  RandomWorkflows(long seed) {
    this.random = new Random(seed);
  }

  private static final String TEMPLATES =
      """
        - name: work
          outputs: {parameters: [{name: p, valueFrom: {path: /p, default: d}}]}
          container: {image: alpine}
        - name: echo
          inputs: {parameters: [{name: msg, default: none}]}
          container: {image: alpine, args: ["{{inputs.parameters.msg}}"]}
        - name: flaky
          retryStrategy: {limit: 2}
          container: {image: alpine}
        - name: pause
          suspend: {duration: "3"}
        - name: approve
          suspend: {}
        - name: hook
          container: {image: alpine}
        - name: exit-handler
          container: {image: alpine}
        - name: inner
          steps:
          - - {name: i0, template: work}
          - - {name: i1, template: echo, arguments: {parameters: [{name: msg, value: "{{steps.i0.outputs.result}}"}]}}
        - name: innerdag
          dag:
            tasks:
            - {name: a, template: work}
            - {name: b, template: flaky, dependencies: [a]}
            - {name: c, template: work, depends: "a.Succeeded || b.Failed"}
      """;

  private static final String[] LEAVES = {"work", "work", "echo", "flaky", "pause", "approve"};
  private static final String[] NESTED = {"inner", "innerdag"};

  /** A workflow's YAML (under a Workflow header named "wf"). */
  String workflow() {
    StringBuilder y = new StringBuilder("spec:\n  entrypoint: main\n");
    if (random.nextInt(4) == 0)
      y.append("  activeDeadlineSeconds: ").append(5 + random.nextInt(30)).append('\n');
    if (random.nextInt(4) == 0)
      y.append("  parallelism: ").append(1 + random.nextInt(3)).append('\n');
    if (random.nextInt(3) == 0) y.append("  onExit: exit-handler\n");
    y.append("  templates:\n  - name: main\n");
    if (random.nextBoolean()) steps(y);
    else dag(y);
    y.append(TEMPLATES);
    return y.toString();
  }

  private String template() {
    return random.nextInt(5) == 0 ? pick(NESTED) : pick(LEAVES);
  }

  private void steps(StringBuilder y) {
    y.append("    steps:\n");
    int groups = 1 + random.nextInt(random.nextInt(4) == 0 ? 25 : 6);
    List<String> done = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int width = 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0);
      List<String> added = new ArrayList<>();
      for (int k = 0; k < width; k++) {
        String name = "s" + g + "x" + k;
        y.append(k == 0 ? "    - - " : "      - ").append("{name: ").append(name);
        y.append(", template: ").append(call(done, "steps"));
        added.add(name);
        y.append("}\n");
      }
      done.addAll(added);
    }
  }

  private void dag(StringBuilder y) {
    y.append("    dag:\n      tasks:\n");
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 25 : 7);
    List<String> done = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "t" + i;
      y.append("      - {name: ").append(name);
      List<String> deps = new ArrayList<>();
      for (int d = 0; d < random.nextInt(3) && i > 0; d++) {
        String dep = "t" + random.nextInt(i);
        if (!deps.contains(dep)) deps.add(dep);
      }
      if (!deps.isEmpty() && random.nextInt(4) == 0) {
        String dep = deps.get(0);
        y.append(", depends: \"")
            .append(dep)
            .append(".Succeeded || ")
            .append(dep)
            .append(".Failed\"");
      } else if (!deps.isEmpty()) {
        y.append(", dependencies: [").append(String.join(", ", deps)).append(']');
      }
      y.append(", template: ").append(call(deps, "tasks"));
      y.append("}\n");
      done.add(name);
    }
  }

  /** The rest of a step or task: template, arguments, when, loop, hook, continueOn. */
  private String call(List<String> earlier, String kind) {
    String t = template();
    StringBuilder s = new StringBuilder(t);
    String ref = earlier.isEmpty() ? null : earlier.get(random.nextInt(earlier.size()));
    if (t.equals("echo") && ref != null) {
      String what = random.nextBoolean() ? "outputs.parameters.p" : "status";
      s.append(", arguments: {parameters: [{name: msg, value: \"{{")
          .append(kind)
          .append('.')
          .append(ref)
          .append('.')
          .append(what)
          .append("}}\"}]}");
    }
    if (ref != null && random.nextInt(5) == 0) {
      s.append(", when: \"'{{")
          .append(kind)
          .append('.')
          .append(ref)
          .append(".status}}' == Succeeded\"");
    } else if (random.nextInt(10) == 0) {
      s.append(", when: \"1 == 2\"");
    }
    if (!t.equals("approve") && random.nextInt(6) == 0) {
      s.append(random.nextInt(5) == 0 ? ", withItems: []" : ", withItems: [a, b, c]");
    }
    if (random.nextInt(6) == 0) s.append(", hooks: {exit: {template: hook}}");
    if (random.nextInt(5) == 0) s.append(", continueOn: {failed: true}");
    return s.toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Pods by template: most succeed, with a result and a parameter; some fail; some run long. */
  Simulation pods(Simulation sim) {
    for (String t : List.of("work", "echo", "flaky", "hook", "exit-handler")) {
      Pod[] seq = new Pod[12];
      for (int i = 0; i < seq.length; i++) {
        Duration d = Duration.ofSeconds(1 + random.nextInt(random.nextInt(8) == 0 ? 60 : 4));
        Pod p =
            random.nextInt(6) == 0
                ? Pod.fail(1)
                : Pod.ok(random.nextBoolean() ? "ok" : "{\"a\": 1}");
        seq[i] = p.withParam("p", "v" + i).runningFor(d);
      }
      sim.pod(t, seq);
    }
    return sim;
  }

  /** After how many reconciles something from outside happens (a resume, a stop), or -1. */
  int interventionAt() {
    return random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(12);
  }

  /** What happens from outside: a resume of every suspended node, Stop or Terminate. */
  String intervention() {
    int k = random.nextInt(4);
    return k <= 1 ? "resume" : k == 2 ? "Stop" : "Terminate";
  }
}
