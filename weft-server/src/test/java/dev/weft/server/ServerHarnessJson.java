package dev.weft.server;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;

/** Reads response bodies back into the model. */
final class ServerHarnessJson {
  private ServerHarnessJson() {}

  static Workflow workflow(String json) {
    try {
      return Codec.json().readValue(json, Workflow.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }
}
