package dev.weft.provenance.statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An in-toto Statement v1 whose predicate is SLSA v1 provenance: {@code {"_type", "subject",
 * "predicateType", "predicate": {"buildDefinition", "runDetails"}}}. {@link #toJson()} writes the
 * bytes that get signed: compact, fields in this fixed order, lists sorted, free-form objects with
 * sorted keys; the same facts always give the same bytes.
 */
public record Statement(
    List<ResourceDescriptor> subjects, BuildDefinition buildDefinition, RunDetails runDetails) {
  public static final String TYPE = "https://in-toto.io/Statement/v1";
  public static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
  public static final String MEDIA_TYPE = "application/vnd.in-toto+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Statement {
    Objects.requireNonNull(buildDefinition, "buildDefinition");
    Objects.requireNonNull(runDetails, "runDetails");
    subjects = subjects.stream().sorted(ResourceDescriptor.ORDER).toList();
    if (subjects.isEmpty()) throw new IllegalArgumentException("a statement needs a subject");
    Set<String> names = new HashSet<>();
    for (ResourceDescriptor s : subjects) {
      if (!s.digest().containsKey("sha256")) {
        throw new IllegalArgumentException("subject " + s.name() + " has no sha256 digest");
      }
      if (s.name() != null && !names.add(s.name())) {
        throw new IllegalArgumentException("two subjects are named " + s.name());
      }
    }
  }

  public byte[] toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("_type", TYPE);
    var list = root.putArray("subject");
    subjects.forEach(s -> list.add(s.toJson()));
    root.put("predicateType", SLSA_PROVENANCE_V1);
    ObjectNode predicate = root.putObject("predicate");
    predicate.set("buildDefinition", buildDefinition.toJson());
    predicate.set("runDetails", runDetails.toJson());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
