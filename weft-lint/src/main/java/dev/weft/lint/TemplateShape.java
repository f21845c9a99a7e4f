package dev.weft.lint;

import dev.weft.model.spec.DagTask;
import dev.weft.model.spec.Step;
import dev.weft.model.spec.Template;
import java.util.List;
import java.util.Map;

/**
 * A template with what its tags can refer to: its steps or tasks by name, resolved where possible.
 */
record TemplateShape(Template template, Map<String, Sibling> steps, Map<String, Sibling> tasks) {

  Site step(String group, String index, boolean hook) {
    List<List<Step>> groups = template.steps();
    int g = Integer.parseInt(group);
    int i = Integer.parseInt(index);
    Step step = groups.get(g).get(i);
    if (step == null) return new Site.Body();
    return new Site.InStep(step.name(), g, step.isLoop(), hook);
  }

  Site task(String index, boolean hook) {
    DagTask task = template.dag().tasksOrEmpty().get(Integer.parseInt(index));
    if (task == null) return new Site.Body();
    return new Site.InTask(task.name(), task.isLoop(), hook);
  }

  boolean isSteps() {
    return template.steps() != null;
  }

  boolean isDag() {
    return template.dag() != null;
  }
}
