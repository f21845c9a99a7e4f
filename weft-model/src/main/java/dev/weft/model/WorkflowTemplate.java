package dev.weft.model;

import dev.weft.model.spec.WorkflowSpec;

public record WorkflowTemplate(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec) implements Resource {}
