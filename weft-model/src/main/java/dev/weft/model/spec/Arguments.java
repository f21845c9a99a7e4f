package dev.weft.model.spec;

import java.util.List;

public record Arguments(List<Parameter> parameters, List<Artifact> artifacts) {
  public static final Arguments EMPTY = new Arguments(List.of(), List.of());

  public List<Parameter> parametersOrEmpty() {
    return parameters == null ? List.of() : parameters;
  }

  public List<Artifact> artifactsOrEmpty() {
    return artifacts == null ? List.of() : artifacts;
  }
}
