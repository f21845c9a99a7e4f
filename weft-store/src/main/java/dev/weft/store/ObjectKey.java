package dev.weft.store;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one stored object. The namespace is null for cluster-scoped kinds and never null for
 * namespaced ones (use {@link #of} to apply the default).
 */
public record ObjectKey(ResourceKind kind, String namespace, String name)
    implements Comparable<ObjectKey> {

  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::kind)
          .thenComparing(ObjectKey::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ObjectKey::name);

  public ObjectKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** A key with the namespace normalised: "default" when absent, none for cluster-scoped kinds. */
  public static ObjectKey of(ResourceKind kind, String namespace, String name) {
    if (!kind.namespaced()) {
      return new ObjectKey(kind, null, name);
    }
    return new ObjectKey(
        kind, namespace == null || namespace.isEmpty() ? "default" : namespace, name);
  }

  /** How messages name the object, e.g. {@code ConfigMap default/settings}. */
  public String describe() {
    return kind.kindName() + " " + (namespace == null ? name : namespace + "/" + name);
  }

  @Override
  public int compareTo(ObjectKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return describe();
  }
}
