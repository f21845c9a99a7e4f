package dev.weft.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An input, output or argument parameter; values are strings, as in Argo's AnyString. */
public record Parameter(
    String name,
    @JsonProperty("default") String defaultValue,
    String value,
    ValueFrom valueFrom,
    String globalName,
    @JsonProperty("enum") List<String> enumValues,
    String description) {

  public static Parameter of(String name, String value) {
    return new Parameter(name, null, value, null, null, null, null);
  }
}
