package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** How an output artifact is stored: tar.gz by default, or as is with `none`. */
public record ArchiveStrategy(JsonNode none, JsonNode tar, JsonNode zip) {
  public boolean isNone() {
    return none != null;
  }
}
