package dev.weft.model.spec;

public record WorkflowTemplateRef(String name, Boolean clusterScope) {
  public boolean cluster() {
    return Boolean.TRUE.equals(clusterScope);
  }
}
