package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import java.util.List;

/**
 * Minimal CRDs for Argo's kinds (and Weft's EventDelivery), written here rather than copied from
 * Argo: enough for the mock to know the resources (fabric8's generic client refuses a kind whose
 * CRD it cannot find) and for a reader to see their scope. The Workflow CRD has no status
 * subresource, as Argo's has none.
 */
final class ArgoCrds {
  static final String GROUP = "argoproj.io";
  static final String VERSION = "v1alpha1";

  private record Kind(
      String kind, String plural, String singular, boolean namespaced, String group) {
    Kind(String kind, String plural, String singular, boolean namespaced) {
      this(kind, plural, singular, namespaced, GROUP);
    }
  }

  private static final List<Kind> KINDS =
      List.of(
          new Kind("Workflow", "workflows", "workflow", true),
          new Kind("WorkflowTemplate", "workflowtemplates", "workflowtemplate", true),
          new Kind(
              "ClusterWorkflowTemplate",
              "clusterworkflowtemplates",
              "clusterworkflowtemplate",
              false),
          new Kind("CronWorkflow", "cronworkflows", "cronworkflow", true),
          new Kind("WorkflowTaskResult", "workflowtaskresults", "workflowtaskresult", true),
          new Kind("WorkflowEventBinding", "workfloweventbindings", "workfloweventbinding", true),
          // Weft's own kind, in its own group
          new Kind("EventDelivery", "eventdeliveries", "eventdelivery", true, "weft.dev"));

  private ArgoCrds() {}

  static List<CustomResourceDefinition> all() {
    return KINDS.stream().map(ArgoCrds::crd).toList();
  }

  private static CustomResourceDefinition crd(Kind k) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(k.plural() + "." + k.group())
        .endMetadata()
        .withNewSpec()
        .withGroup(k.group())
        .withScope(k.namespaced() ? "Namespaced" : "Cluster")
        .withNewNames()
        .withKind(k.kind())
        .withListKind(k.kind() + "List")
        .withPlural(k.plural())
        .withSingular(k.singular())
        .endNames()
        .addNewVersion()
        .withName(VERSION)
        .withServed(true)
        .withStorage(true)
        // Argo's own schemas are this loose: any fields, kept as they are.
        .withNewSchema()
        .withOpenAPIV3Schema(
            new JSONSchemaPropsBuilder()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .build())
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }
}
