package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.ObjectMeta;

/** An entry of volumeClaimTemplates: a claim made for the workflow and deleted with it. */
public record PvcTemplate(String apiVersion, String kind, ObjectMeta metadata, JsonNode spec) {}
