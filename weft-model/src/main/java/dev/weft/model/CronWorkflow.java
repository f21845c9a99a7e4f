package dev.weft.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.spec.CronWorkflowSpec;

public record CronWorkflow(
    String apiVersion, String kind, ObjectMeta metadata, CronWorkflowSpec spec, JsonNode status)
    implements Resource {}
