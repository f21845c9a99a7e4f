package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of a store's change history: the object as it was right after the change at {@code
 * version}. The tree is never mutated once recorded.
 */
public record Change(long version, WatchEvent.Type type, ObjectKey key, ObjectNode object) {

  /** Whether a watch on this kind and namespace (null: all) sees this change. */
  public boolean concerns(ResourceKind kind, String namespace) {
    return key.kind() == kind && (namespace == null || namespace.equals(key.namespace()));
  }
}
