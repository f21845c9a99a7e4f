package dev.weft.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

public record ValueFrom(
    String path,
    String jsonPath,
    String jqFilter,
    String event,
    String parameter,
    JsonNode supplied,
    KeyRef configMapKeyRef,
    @JsonProperty("default") String defaultValue,
    String expression) {}
