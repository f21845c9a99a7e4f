package dev.weft.model.spec;

import java.util.List;

public record DagTemplate(String target, List<DagTask> tasks, Boolean failFast) {
  public List<DagTask> tasksOrEmpty() {
    return tasks == null ? List.of() : tasks;
  }
}
