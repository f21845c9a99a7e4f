package dev.weft.runtime;

/** Thrown by a {@link WatchFunction} whose start version is too old: the informer relists. */
public final class WatchExpiredException extends RuntimeException {
  public WatchExpiredException(String message) {
    super(message);
  }

  public WatchExpiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
