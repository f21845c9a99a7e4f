package dev.weft.model;

import java.util.Map;

public record ConfigMap(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Map<String, String> data,
    Map<String, String> binaryData,
    Boolean immutable)
    implements Resource {

  public Map<String, String> dataOrEmpty() {
    return data == null ? Map.of() : data;
  }
}
