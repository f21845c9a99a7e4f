package dev.weft.model.spec;

import java.util.List;

public record Inputs(List<Parameter> parameters, List<Artifact> artifacts) {
  public List<Parameter> parametersOrEmpty() {
    return parameters == null ? List.of() : parameters;
  }

  public List<Artifact> artifactsOrEmpty() {
    return artifacts == null ? List.of() : artifacts;
  }
}
