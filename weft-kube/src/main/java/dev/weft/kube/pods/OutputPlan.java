package dev.weft.kube.pods;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * What the wait container collects after main: the result (the end of stdout) when anything may
 * read it, the output parameters and the output artifacts with the repository keys they go to.
 *
 * @param resultWanted whether to report {@code outputs.result}
 * @param container the container whose outputs are the node's
 */
public record OutputPlan(
    boolean resultWanted,
    String container,
    List<Parameter> parameters,
    List<ArtifactOut> artifacts) {

  /** An output artifact and the key it is saved under. */
  public record ArtifactOut(Artifact artifact, String key, boolean raw) {}

  public OutputPlan {
    parameters = List.copyOf(parameters);
    artifacts = List.copyOf(artifacts);
  }

  /** Whether there is nothing to collect, so the pod needs no wait container. */
  public boolean empty() {
    return !resultWanted
        && artifacts.isEmpty()
        && parameters.stream()
            .noneMatch(p -> p.valueFrom() != null && p.valueFrom().path() != null);
  }

  static OutputPlan of(Template t, String container, boolean resultWanted, KeyFunction keys) {
    List<ArtifactOut> artifacts = new ArrayList<>();
    for (Artifact a : t.outputsOrEmpty().artifactsOrEmpty()) {
      if (a.path() == null) continue;
      boolean raw = a.archive() != null && a.archive().isNone();
      JsonNode s3 = a.s3();
      String key =
          s3 != null && s3.hasNonNull("key") ? s3.get("key").asText() : keys.key(a.name(), raw);
      artifacts.add(new ArtifactOut(a, key, raw));
    }
    return new OutputPlan(
        resultWanted, container, t.outputsOrEmpty().parametersOrEmpty(), artifacts);
  }

  /** The default repository key of an output artifact. */
  @FunctionalInterface
  interface KeyFunction {
    String key(String artifact, boolean raw);
  }
}
