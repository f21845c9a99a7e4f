package dev.weft.store;

import dev.weft.model.Resource;

/** One change seen by a watch: the object as it was right after the change. */
public record WatchEvent(Type type, Resource object) {

  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }

  /** The version at which the change happened. */
  public String resourceVersion() {
    return object.metadata().resourceVersion();
  }
}
