package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One entry of a steps template: it runs a template, maybe in a loop, maybe conditionally. */
public record Step(
    String name,
    String template,
    Template inline,
    Arguments arguments,
    TemplateRef templateRef,
    List<JsonNode> withItems,
    String withParam,
    Sequence withSequence,
    String when,
    ContinueOn continueOn,
    String onExit,
    Map<String, LifecycleHook> hooks)
    implements Invocation {}
