package dev.weft.engine.exec;

import dev.weft.engine.dag.Depends;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.DagTask;
import dev.weft.model.spec.DagTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DAG's tasks as the engine walks them: by name in their order, with their parsed depends logic,
 * the task names it refers to, and the targets. Made once per template, not once per walk.
 */
record DagShape(
    Map<String, DagTask> tasks,
    Map<String, Depends> logic,
    Map<String, Set<String>> dependencies,
    List<String> targets,
    Map<String, Integer> index,
    List<String> names,
    int[][] dependencyIndexes,
    boolean knownTargets) {

  /** The position of a task in the DAG (tasks are walked by position: no hashing of names). */
  int indexOf(String task) {
    return index.get(task);
  }

  /** The DAG's shape; an EngineError for invalid depends or an undefined dependency. */
  static DagShape of(DagTemplate dag) {
    Map<String, DagTask> tasks = new LinkedHashMap<>();
    dag.tasksOrEmpty().forEach(t -> tasks.put(t.name(), t));
    Map<String, Depends> logic = new HashMap<>();
    Map<String, Set<String>> names = new HashMap<>();
    for (DagTask t : tasks.values()) {
      Depends d = DagRun.dependencies(t);
      Set<String> deps = DagRun.namesIn(d);
      for (String dep : deps) {
        if (!tasks.containsKey(dep)) {
          throw new EngineError("task '" + t.name() + "' depends on undefined task '" + dep + "'");
        }
      }
      logic.put(t.name(), d);
      names.put(t.name(), deps);
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> order = List.copyOf(tasks.keySet());
    for (int i = 0; i < order.size(); i++) index.put(order.get(i), i);
    int[][] depIndexes = new int[order.size()][];
    for (int i = 0; i < order.size(); i++) {
      depIndexes[i] = names.get(order.get(i)).stream().mapToInt(index::get).toArray();
    }
    List<String> targets = targets(dag, tasks, names);
    return new DagShape(
        Collections.unmodifiableMap(tasks),
        Collections.unmodifiableMap(logic),
        Collections.unmodifiableMap(names),
        targets,
        Collections.unmodifiableMap(index),
        order,
        depIndexes,
        tasks.keySet().containsAll(targets));
  }

  /** The target tasks, or else the leaves: tasks no other task depends on. */
  private static List<String> targets(
      DagTemplate dag, Map<String, DagTask> tasks, Map<String, Set<String>> names) {
    if (dag.target() != null && !dag.target().isBlank()) {
      return List.of(dag.target().trim().split("\\s+"));
    }
    Set<String> dependedOn = new HashSet<>();
    names.values().forEach(dependedOn::addAll);
    List<String> leaves = new ArrayList<>();
    for (String name : tasks.keySet()) if (!dependedOn.contains(name)) leaves.add(name);
    leaves.sort(null);
    return List.copyOf(leaves);
  }
}
