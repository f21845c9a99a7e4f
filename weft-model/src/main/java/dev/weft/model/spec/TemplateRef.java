package dev.weft.model.spec;

/** A template defined in a (Cluster)WorkflowTemplate. */
public record TemplateRef(String name, String template, Boolean clusterScope) {
  public boolean cluster() {
    return Boolean.TRUE.equals(clusterScope);
  }
}
