package dev.weft.store;

/** Every way a store operation can be refused; each message names the object concerned. */
public abstract sealed class StoreException extends RuntimeException {

  private StoreException(String message) {
    super(message);
  }

  /** No object by that kind, namespace and name. */
  public static final class NotFound extends StoreException {
    private final ObjectKey key;

    public NotFound(ObjectKey key) {
      super(key.describe() + " not found");
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** An object by that kind, namespace and name exists already. */
  public static final class AlreadyExists extends StoreException {
    private final ObjectKey key;

    public AlreadyExists(ObjectKey key) {
      super(key.describe() + " already exists");
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** The writer's resourceVersion is not the stored one: someone else wrote in between. */
  public static final class Conflict extends StoreException {
    private final ObjectKey key;

    public Conflict(ObjectKey key, String given, String stored) {
      super(
          "Operation cannot be fulfilled on "
              + key.describe()
              + ": the object has been modified; please apply your changes to the latest version"
              + " and try again (resourceVersion given "
              + given
              + ", stored "
              + stored
              + ")");
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** A watch asked for events older than the retained history; the client must relist. */
  public static final class TooOld extends StoreException {
    private final String requested;
    private final String oldestAvailable;

    public TooOld(String requested, String oldestAvailable) {
      super(
          "too old resource version: "
              + requested
              + " (events after "
              + oldestAvailable
              + " are available)");
      this.requested = requested;
      this.oldestAvailable = oldestAvailable;
    }

    public String requested() {
      return requested;
    }

    /** The oldest version from which a watch can start. */
    public String oldestAvailable() {
      return oldestAvailable;
    }
  }

  /** The request itself is malformed: a bad name, a kind mismatch, an unparsable version. */
  public static final class Invalid extends StoreException {
    public Invalid(String message) {
      super(message);
    }
  }
}
