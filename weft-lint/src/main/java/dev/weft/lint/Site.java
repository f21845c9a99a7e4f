package dev.weft.lint;

import java.util.List;

/** Where in a template a string stands, which decides the variables its tags may use. */
sealed interface Site {
  /** The container, script, volumes and other fields of the template itself. */
  record Body() implements Site {}

  /** The template's outputs, which may refer to any of its steps or tasks. */
  record Outputs() implements Site {}

  /** The template's metrics, which add status, duration, exitCode and resourcesDuration. */
  record Metrics() implements Site {}

  /**
   * A step's fields: arguments, when, loops, hooks. {@code hook} is true in its hooks, which run
   * after the step and so may refer to it.
   */
  record InStep(String name, int group, boolean loop, boolean hook) implements Site {}

  /** A DAG task's fields; {@code hook} as for a step. */
  record InTask(String name, boolean loop, boolean hook) implements Site {}

  /** Whether {@code item} is defined here. */
  default boolean inLoop() {
    return switch (this) {
      case InStep s -> s.loop();
      case InTask t -> t.loop();
      default -> false;
    };
  }

  /** The site of a path of field names and indexes relative to the template. */
  static Site of(List<String> path, TemplateShape shape) {
    if (path.isEmpty()) return new Body();
    return switch (path.get(0)) {
      case "outputs" -> new Outputs();
      case "metrics" -> new Metrics();
      case "steps" ->
          path.size() >= 3 ? shape.step(path.get(1), path.get(2), isHook(path, 3)) : new Body();
      case "dag" ->
          path.size() >= 3 && path.get(1).equals("tasks")
              ? shape.task(path.get(2), isHook(path, 3))
              : new Body();
      default -> new Body();
    };
  }

  private static boolean isHook(List<String> path, int at) {
    return path.size() > at && (path.get(at).equals("hooks") || path.get(at).equals("onExit"));
  }
}
