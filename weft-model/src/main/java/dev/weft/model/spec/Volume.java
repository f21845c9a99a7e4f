package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** A pod volume. Weft gives emptyDir, PVC, configMap and secret volumes a meaning. */
public record Volume(
    String name,
    JsonNode emptyDir,
    PvcSource persistentVolumeClaim,
    KeyedSource configMap,
    KeyedSource secret,
    JsonNode hostPath,
    JsonNode downwardAPI,
    JsonNode projected,
    JsonNode nfs,
    JsonNode csi,
    JsonNode ephemeral) {

  public record PvcSource(String claimName, Boolean readOnly) {}

  /** configMap uses `name`, secret uses `secretName`. */
  public record KeyedSource(
      String name, String secretName, JsonNode items, Integer defaultMode, Boolean optional) {}
}
