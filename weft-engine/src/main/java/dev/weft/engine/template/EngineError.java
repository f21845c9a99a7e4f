package dev.weft.engine.template;

/** A problem in the workflow that makes a node end in Error, with Argo's message. */
public final class EngineError extends RuntimeException {
  public EngineError(String message) {
    super(message);
  }
}
