package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

public record DagTask(
    String name,
    String template,
    Template inline,
    Arguments arguments,
    TemplateRef templateRef,
    List<String> dependencies,
    List<JsonNode> withItems,
    String withParam,
    Sequence withSequence,
    String when,
    ContinueOn continueOn,
    String onExit,
    String depends,
    Map<String, LifecycleHook> hooks)
    implements Invocation {

  public List<String> dependenciesOrEmpty() {
    return dependencies == null ? List.of() : dependencies;
  }
}
