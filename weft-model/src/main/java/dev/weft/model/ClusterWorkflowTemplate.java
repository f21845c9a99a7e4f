package dev.weft.model;

import dev.weft.model.spec.WorkflowSpec;

public record ClusterWorkflowTemplate(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec) implements Resource {}
