package dev.weft.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A claim is a named directory that outlives the workflows that mount it. */
public record PersistentVolumeClaim(
    String apiVersion, String kind, ObjectMeta metadata, JsonNode spec, JsonNode status)
    implements Resource {}
