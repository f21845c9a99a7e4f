package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What steps and DAG tasks share: a call of a template, with loops, a condition and hooks. */
public sealed interface Invocation permits Step, DagTask {
  String name();

  String template();

  Template inline();

  Arguments arguments();

  TemplateRef templateRef();

  List<JsonNode> withItems();

  String withParam();

  Sequence withSequence();

  String when();

  ContinueOn continueOn();

  String onExit();

  Map<String, LifecycleHook> hooks();

  default Arguments argumentsOrEmpty() {
    return arguments() == null ? Arguments.EMPTY : arguments();
  }

  default boolean isLoop() {
    return withItems() != null || withParam() != null || withSequence() != null;
  }
}
