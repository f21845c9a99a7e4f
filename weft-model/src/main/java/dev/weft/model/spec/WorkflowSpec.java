package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Argo's WorkflowSpec, shared by Workflow, WorkflowTemplate and ClusterWorkflowTemplate. */
public record WorkflowSpec(
    List<Template> templates,
    String entrypoint,
    Arguments arguments,
    String serviceAccountName,
    Boolean automountServiceAccountToken,
    JsonNode executor,
    List<Volume> volumes,
    List<PvcTemplate> volumeClaimTemplates,
    Integer parallelism,
    JsonNode artifactRepositoryRef,
    Boolean suspend,
    Map<String, String> nodeSelector,
    JsonNode affinity,
    JsonNode tolerations,
    JsonNode imagePullSecrets,
    Boolean hostNetwork,
    String dnsPolicy,
    JsonNode dnsConfig,
    String onExit,
    JsonNode ttlStrategy,
    String activeDeadlineSeconds,
    Integer priority,
    String schedulerName,
    JsonNode podGC,
    String podPriorityClassName,
    Integer podPriority,
    JsonNode hostAliases,
    JsonNode securityContext,
    String podSpecPatch,
    JsonNode podDisruptionBudget,
    JsonNode metrics,
    String shutdown,
    WorkflowTemplateRef workflowTemplateRef,
    Synchronization synchronization,
    JsonNode volumeClaimGC,
    RetryStrategy retryStrategy,
    JsonNode podMetadata,
    Template templateDefaults,
    Boolean archiveLogs,
    Map<String, LifecycleHook> hooks,
    JsonNode workflowMetadata,
    JsonNode artifactGC,
    JsonNode podResources,
    JsonNode resourceClaims) {

  public List<Template> templatesOrEmpty() {
    return templates == null ? List.of() : templates;
  }

  public Arguments argumentsOrEmpty() {
    return arguments == null ? Arguments.EMPTY : arguments;
  }
}
