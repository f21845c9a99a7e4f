package dev.weft.provenance.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.provenance.CanonicalJson;
import java.util.List;
import java.util.Objects;

/**
 * SLSA v1's buildDefinition: what the build was asked to do ({@code externalParameters}, from the
 * user), how the platform set itself up for it ({@code internalParameters}) and what it read
 * ({@code resolvedDependencies}). The parameter objects are written with sorted keys and the
 * dependencies in {@link ResourceDescriptor#ORDER}, so the bytes depend only on the facts.
 */
public record BuildDefinition(
    String buildType,
    JsonNode externalParameters,
    JsonNode internalParameters,
    List<ResourceDescriptor> resolvedDependencies) {

  public BuildDefinition {
    Objects.requireNonNull(buildType, "buildType");
    if (externalParameters == null || !externalParameters.isObject()) {
      throw new IllegalArgumentException("externalParameters must be a JSON object");
    }
    externalParameters = CanonicalJson.sorted(externalParameters);
    internalParameters =
        internalParameters == null
            ? JsonNodeFactory.instance.objectNode()
            : CanonicalJson.sorted(internalParameters);
    resolvedDependencies =
        resolvedDependencies.stream().distinct().sorted(ResourceDescriptor.ORDER).toList();
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("buildType", buildType);
    n.set("externalParameters", externalParameters.deepCopy());
    n.set("internalParameters", internalParameters.deepCopy());
    var deps = n.putArray("resolvedDependencies");
    resolvedDependencies.forEach(d -> deps.add(d.toJson()));
    return n;
  }
}
