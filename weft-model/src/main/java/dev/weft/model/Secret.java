package dev.weft.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

public record Secret(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Map<String, String> data,
    Map<String, String> stringData,
    String type,
    Boolean immutable)
    implements Resource {

  /** The decoded values: base64 `data` overlaid by plain `stringData`, as the API server does. */
  public Map<String, String> decoded() {
    Map<String, String> out = new HashMap<>();
    if (data != null) {
      data.forEach(
          (k, v) ->
              out.put(k, new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (stringData != null) {
      out.putAll(stringData);
    }
    return out;
  }
}
