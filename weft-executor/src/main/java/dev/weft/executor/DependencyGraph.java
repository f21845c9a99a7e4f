package dev.weft.executor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a containerSet dependency graph: unknown dependencies and cycles. */
final class DependencyGraph {
  private DependencyGraph() {}

  /** Containers that can never run, with the reason; those depending on them fail on their own. */
  static Map<String, String> invalid(List<ContainerSpec> containers) {
    Map<String, List<String>> edges = new HashMap<>();
    containers.forEach(c -> edges.put(c.name(), c.dependencies()));
    Map<String, String> invalid = new HashMap<>();
    for (ContainerSpec c : containers) {
      for (String dependency : c.dependencies()) {
        if (!edges.containsKey(dependency)) {
          invalid.put(c.name(), "not run: unknown dependency \"" + dependency + "\"");
        }
      }
      if (!invalid.containsKey(c.name()) && reaches(edges, c.name(), c.name(), new HashSet<>())) {
        invalid.put(c.name(), "not run: dependency cycle through \"" + c.name() + "\"");
      }
    }
    return invalid;
  }

  private static boolean reaches(
      Map<String, List<String>> edges, String from, String target, Set<String> seen) {
    for (String next : edges.getOrDefault(from, List.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reaches(edges, next, target, seen)) {
        return true;
      }
    }
    return false;
  }
}
