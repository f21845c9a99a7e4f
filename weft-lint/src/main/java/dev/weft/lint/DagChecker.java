package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.engine.dag.Depends;
import dev.weft.model.spec.DagTask;
import dev.weft.model.spec.DagTemplate;
import dev.weft.model.spec.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of a DAG: unique task names, dependencies that exist and parse, no cycle, target. */
final class DagChecker {
  private DagChecker() {}

  /** Returns the DAG's tasks by name, each with its ancestors. */
  static Map<String, Sibling> check(SpecScope scope, DagTemplate dag, String pointer) {
    Reporter report = scope.report();
    List<DagTask> tasks = dag.tasksOrEmpty();
    String tasksAt = child(pointer, "tasks");
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, Optional<Template>> targets = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      DagTask task = tasks.get(i);
      if (task == null) continue;
      String at = child(tasksAt, i);
      Optional<Template> target = InvocationChecker.check(scope, task, at);
      if (task.name() == null || task.name().isEmpty()) {
        report.error(at, "task has no name");
      } else if (index.containsKey(task.name())) {
        report.error(child(at, "name"), "duplicate task name \"" + task.name() + "\"");
      } else {
        index.put(task.name(), i);
        targets.put(task.name(), target);
      }
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    boolean usesDepends = false;
    boolean usesDependencies = false;
    for (int i = 0; i < tasks.size(); i++) {
      DagTask task = tasks.get(i);
      if (task == null) continue;
      String at = child(tasksAt, i);
      List<String> deps = new ArrayList<>();
      List<String> listed = task.dependenciesOrEmpty();
      usesDependencies |= !listed.isEmpty();
      for (int j = 0; j < listed.size(); j++) {
        String dep = listed.get(j);
        if (index.containsKey(dep)) {
          deps.add(dep);
        } else {
          report.error(child(child(at, "dependencies"), j), "no task named \"" + dep + "\"");
        }
      }
      if (task.depends() != null) {
        usesDepends = true;
        deps.addAll(depends(report, task.depends(), child(at, "depends"), index.keySet()));
      }
      if (task.name() != null && index.get(task.name()) == i) edges.put(task.name(), deps);
    }
    if (usesDepends && usesDependencies) {
      report.error(tasksAt, "cannot use both depends and dependencies in the same DAG");
    }
    cycles(report, edges, index, tasks, tasksAt);
    target(report, dag.target(), index.keySet(), child(pointer, "target"));
    Map<String, Sibling> siblings = new LinkedHashMap<>();
    for (String name : index.keySet()) {
      siblings.put(name, new Sibling(name, 0, targets.get(name), ancestors(name, edges)));
    }
    return siblings;
  }

  private static List<String> depends(
      Reporter report, String source, String pointer, Set<String> names) {
    List<String> deps = new ArrayList<>();
    if (Tag.hasTags(source)) return deps;
    Depends parsed;
    try {
      parsed = Depends.parse(source);
    } catch (Depends.SyntaxError e) {
      report.errorInValue(pointer, e.column() - 1, "invalid depends: " + e.getMessage());
      return deps;
    }
    List<Depends.Task> mentioned = new ArrayList<>();
    collect(parsed, mentioned);
    for (Depends.Task t : mentioned) {
      if (names.contains(t.name())) {
        deps.add(t.name());
      } else {
        report.errorInValue(pointer, t.column() - 1, "no task named \"" + t.name() + "\"");
      }
    }
    return deps;
  }

  private static void collect(Depends d, List<Depends.Task> out) {
    switch (d) {
      case Depends.Task t -> out.add(t);
      case Depends.Not n -> collect(n.operand(), out);
      case Depends.And a -> {
        collect(a.left(), out);
        collect(a.right(), out);
      }
      case Depends.Or o -> {
        collect(o.left(), out);
        collect(o.right(), out);
      }
    }
  }

  private static void target(Reporter report, String target, Set<String> names, String pointer) {
    if (target == null || Tag.hasTags(target)) return;
    for (String name : target.strip().split("[\\s,]+")) {
      if (!name.isEmpty() && !names.contains(name)) {
        report.error(pointer, "no task named \"" + name + "\"");
      }
    }
  }

  /** Reports each dependency cycle once, at the dependencies of the first task on it. */
  private static void cycles(
      Reporter report,
      Map<String, List<String>> edges,
      Map<String, Integer> index,
      List<DagTask> tasks,
      String at) {
    Map<String, Integer> state = new HashMap<>();
    for (String start : edges.keySet()) {
      List<String> cycle = new ArrayList<>();
      if (findCycle(start, edges, state, new ArrayList<>(), cycle)) {
        int i = index.get(cycle.get(0));
        String field = tasks.get(i).depends() != null ? "depends" : "dependencies";
        report.error(child(child(at, i), field), "dependency cycle: " + String.join(" -> ", cycle));
      }
    }
  }

  private static boolean findCycle(
      String node,
      Map<String, List<String>> edges,
      Map<String, Integer> state,
      List<String> path,
      List<String> cycle) {
    Integer s = state.get(node);
    if (s != null && s == 2) return false;
    if (s != null && s == 1) {
      cycle.addAll(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return true;
    }
    state.put(node, 1);
    path.add(node);
    for (String dep : edges.getOrDefault(node, List.of())) {
      if (findCycle(dep, edges, state, path, cycle)) {
        state.put(node, 2);
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
    return false;
  }

  private static Set<String> ancestors(String name, Map<String, List<String>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(edges.getOrDefault(name, List.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) todo.addAll(edges.getOrDefault(next, List.of()));
    }
    return seen;
  }
}
