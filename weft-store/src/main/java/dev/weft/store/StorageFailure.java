package dev.weft.store;

/**
 * The database behind a store failed (unreachable, full, corrupt, or too new a schema); unlike a
 * {@link StoreException}, this is not about the request.
 */
public final class StorageFailure extends RuntimeException {

  public StorageFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageFailure(String message) {
    super(message);
  }
}
