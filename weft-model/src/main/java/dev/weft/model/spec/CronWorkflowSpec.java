package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

public record CronWorkflowSpec(
    String schedule,
    List<String> schedules,
    String timezone,
    String concurrencyPolicy,
    Long startingDeadlineSeconds,
    Integer successfulJobsHistoryLimit,
    Integer failedJobsHistoryLimit,
    Boolean suspend,
    WorkflowSpec workflowSpec,
    JsonNode workflowMetadata,
    JsonNode stopStrategy,
    String when) {}
