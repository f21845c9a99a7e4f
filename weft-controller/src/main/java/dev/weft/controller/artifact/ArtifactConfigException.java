package dev.weft.controller.artifact;

import java.io.IOException;

/**
 * A repository or artifact location that cannot be used as written; the message names the field and
 * what was expected, and is meant to be shown as it is, without a stack trace.
 */
public final class ArtifactConfigException extends IOException {
  public ArtifactConfigException(String message) {
    super(message);
  }
}
