package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;

/**
 * One entry of a store's change history at {@code version}: either the whole object as it was right
 * after the change ({@code object}), or, for a status patch, the {@link StatusDelta} that leads
 * there from the object's previous version. {@code typed}, when known, is the object after the
 * change already decoded (a store's own write), so no watch decodes it again. Nothing here is
 * mutated once recorded.
 */
public record Change(
    long version,
    WatchEvent.Type type,
    ObjectKey key,
    ObjectNode object,
    StatusDelta delta,
    Resource typed) {

  /** A change recorded as the whole object. */
  public Change(long version, WatchEvent.Type type, ObjectKey key, ObjectNode object) {
    this(version, type, key, object, null, null);
  }

  /** Whether a watch on this kind and namespace (null: all) sees this change. */
  public boolean concerns(ResourceKind kind, String namespace) {
    return key.kind() == kind && (namespace == null || namespace.equals(key.namespace()));
  }

  /** Whether this change is a status patch, kept as a delta rather than the whole object. */
  public boolean isPatch() {
    return delta != null;
  }

  /** The same change with its object known as {@code resource}. */
  Change withTyped(Resource resource) {
    return new Change(version, type, key, object, delta, resource);
  }

  /**
   * The same change without the decoded object, as a history keeps it (its size is the delta's).
   */
  Change forHistory() {
    return typed == null ? this : new Change(version, type, key, object, delta, null);
  }
}
