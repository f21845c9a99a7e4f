package dev.weft.provenance.statement;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * SLSA v1's runDetails: which builder ran it ({@code builder.id}, one per mode with its own
 * guarantees, and {@code builder.version}), this run's identity and times ({@code metadata}), and
 * what it left besides its subjects ({@code byproducts}, in {@link ResourceDescriptor#ORDER}).
 * Times are RFC 3339 in UTC; an absent time is left out, as SLSA allows.
 */
public record RunDetails(
    String builderId,
    SortedMap<String, String> builderVersion,
    String invocationId,
    Instant startedOn,
    Instant finishedOn,
    List<ResourceDescriptor> byproducts) {

  public RunDetails {
    Objects.requireNonNull(builderId, "builderId");
    builderVersion = new TreeMap<>(builderVersion == null ? Map.of() : builderVersion);
    byproducts = byproducts.stream().distinct().sorted(ResourceDescriptor.ORDER).toList();
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    ObjectNode builder = n.putObject("builder");
    builder.put("id", builderId);
    if (!builderVersion.isEmpty()) {
      ObjectNode version = builder.putObject("version");
      builderVersion.forEach(version::put);
    }
    ObjectNode metadata = n.putObject("metadata");
    if (invocationId != null) metadata.put("invocationId", invocationId);
    if (startedOn != null) metadata.put("startedOn", startedOn.toString());
    if (finishedOn != null) metadata.put("finishedOn", finishedOn.toString());
    var list = n.putArray("byproducts");
    byproducts.forEach(b -> list.add(b.toJson()));
    return n;
  }
}
