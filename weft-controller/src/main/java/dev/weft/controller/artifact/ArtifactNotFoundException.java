package dev.weft.controller.artifact;

import java.io.IOException;

/** A key that holds nothing: a missing input, distinct from a store that cannot be reached. */
public final class ArtifactNotFoundException extends IOException {
  public ArtifactNotFoundException(String message) {
    super(message);
  }
}
