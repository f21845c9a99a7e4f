package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.model.spec.Step;
import dev.weft.model.spec.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of a steps template: unique step names and each step's invocation. */
final class StepsChecker {
  private StepsChecker() {}

  /** Returns the template's steps by name. */
  static Map<String, Sibling> check(SpecScope scope, List<List<Step>> groups, String pointer) {
    Map<String, Sibling> steps = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Step> group = groups.get(g);
      if (group == null) continue;
      for (int i = 0; i < group.size(); i++) {
        Step step = group.get(i);
        String at = child(child(pointer, g), i);
        if (step == null) continue;
        Optional<Template> target = InvocationChecker.check(scope, step, at);
        if (step.name() == null || step.name().isEmpty()) {
          scope.report().error(at, "step has no name");
        } else if (steps.containsKey(step.name())) {
          scope.report().error(child(at, "name"), "duplicate step name \"" + step.name() + "\"");
        } else {
          steps.put(step.name(), new Sibling(step.name(), g, target, Set.of()));
        }
      }
    }
    return steps;
  }
}
