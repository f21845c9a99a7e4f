package dev.weft.model.codec;

import dev.weft.model.Resource;
import java.util.List;

/** What a file decodes to: its resources and everything found wrong on the way. */
public record Decoded(List<Located<Resource>> resources, List<Diagnostic> diagnostics) {
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
