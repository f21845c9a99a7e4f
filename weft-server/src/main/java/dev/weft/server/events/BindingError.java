package dev.weft.server.events;

/** A binding that cannot be dispatched; the message is the one Argo gives for the same fault. */
final class BindingError extends Exception {
  private static final long serialVersionUID = 1L;

  BindingError(String message) {
    super(message, null, false, false);
  }
}
