package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The API-server semantics of every store, on JSON trees: what create, update, updateStatus and
 * delete make of an object. A store implementation decides only where trees and changes live; it
 * calls these under its own write serialisation and persists what they return.
 */
public final class ObjectLifecycle {
  /** Kubernetes' alphabet for generated names: no vowels, no look-alike digits. */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int GENERATED_SUFFIX = 5;
  private static final int MAX_GENERATE_NAME = 58;

  private final Clock clock;
  private final RandomGenerator random;

  public ObjectLifecycle(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /**
   * The tree to insert for a new object at version {@code version}; {@code taken} says whether a
   * key is in use, so a generated name avoids existing ones. The caller still checks the key.
   */
  public ObjectNode forCreate(Resource obj, long version, Predicate<ObjectKey> taken) {
    ResourceKind kind = ResourceKind.of(obj);
    ObjectNode tree = typedTree(kind, obj);
    ObjectNode meta = tree.withObject("metadata");
    if (kind.namespaced()) {
      String ns = text(meta, "namespace");
      meta.put("namespace", ns == null || ns.isEmpty() ? "default" : ns);
    } else {
      meta.remove("namespace");
    }
    String name = text(meta, "name");
    if (name == null || name.isEmpty()) {
      String prefix = text(meta, "generateName");
      if (prefix == null || prefix.isEmpty()) {
        throw new StoreException.Invalid(
            kind.kindName() + ": metadata.name or metadata.generateName is required");
      }
      name = generateName(kind, text(meta, "namespace"), prefix, taken);
      meta.put("name", name);
    }
    validateName(kind, name);
    meta.put("uid", newUid());
    meta.put("resourceVersion", Long.toString(version));
    meta.put("generation", 1L);
    meta.put("creationTimestamp", timestamp());
    meta.remove("deletionTimestamp");
    return tree;
  }

  /**
   * The tree replacing {@code stored} on an update: {@code incoming} with the store-owned metadata
   * kept and the generation bumped if the spec (anything outside metadata and status) changed.
   */
  public ObjectNode forUpdate(ObjectKey key, ObjectNode stored, Resource incoming, long version) {
    checkVersion(key, stored, incoming);
    ObjectNode tree = typedTree(key.kind(), incoming);
    ObjectNode meta = tree.withObject("metadata");
    JsonNode storedMeta = stored.get("metadata");
    for (String owned :
        new String[] {"name", "namespace", "uid", "creationTimestamp", "deletionTimestamp"}) {
      copyField(storedMeta, meta, owned);
    }
    long generation = storedMeta.path("generation").asLong(1);
    meta.put("generation", specOf(stored).equals(specOf(tree)) ? generation : generation + 1);
    meta.put("resourceVersion", Long.toString(version));
    return tree;
  }

  /** The tree replacing {@code stored} on a status update: only the status is taken over. */
  public ObjectNode forStatusUpdate(
      ObjectKey key, ObjectNode stored, Resource incoming, long version) {
    if (!key.kind().hasStatus()) {
      throw new StoreException.Invalid(key.describe() + ": the kind has no status to update");
    }
    checkVersion(key, stored, incoming);
    ObjectNode tree = stored.deepCopy();
    JsonNode status = StoreCodec.tree(incoming).get("status");
    if (status == null || status.isNull()) {
      tree.remove("status");
    } else {
      tree.set("status", status);
    }
    return withResourceVersion(tree, version);
  }

  /** The tree of an object with finalizers that was asked to be deleted. */
  public ObjectNode markDeleting(ObjectNode stored, long version) {
    ObjectNode tree = withResourceVersion(stored, version);
    tree.withObject("metadata").put("deletionTimestamp", timestamp());
    return tree;
  }

  /** A copy of {@code tree} at {@code version}. */
  public static ObjectNode withResourceVersion(ObjectNode tree, long version) {
    ObjectNode copy = tree.deepCopy();
    copy.withObject("metadata").put("resourceVersion", Long.toString(version));
    return copy;
  }

  public static ObjectKey keyOf(ObjectNode tree) {
    JsonNode meta = tree.path("metadata");
    return ObjectKey.of(
        ResourceKind.ofKindName(tree.path("kind").asText()),
        text(meta, "namespace"),
        text(meta, "name"));
  }

  /** The key an incoming object names (namespace defaulted). */
  public static ObjectKey keyOf(Resource obj) {
    ResourceKind kind = ResourceKind.of(obj);
    if (obj.metadata() == null || obj.metadata().name() == null) {
      throw new StoreException.Invalid(kind.kindName() + ": metadata.name is required");
    }
    return ObjectKey.of(kind, obj.metadata().namespace(), obj.metadata().name());
  }

  public static boolean hasFinalizers(ObjectNode tree) {
    return !tree.path("metadata").path("finalizers").isEmpty();
  }

  public static boolean isDeleting(ObjectNode tree) {
    return text(tree.path("metadata"), "deletionTimestamp") != null;
  }

  /** An object being deleted whose finalizers are all gone: the store must remove it now. */
  public static boolean isFinalized(ObjectNode tree) {
    return isDeleting(tree) && !hasFinalizers(tree);
  }

  public static String uidOf(ObjectNode tree) {
    return text(tree.path("metadata"), "uid");
  }

  /** The uids of the objects this one names as owners. */
  public static List<String> ownerUids(ObjectNode tree) {
    JsonNode refs = tree.path("metadata").path("ownerReferences");
    List<String> uids = new ArrayList<>();
    if (refs instanceof ArrayNode array) {
      array.forEach(ref -> uids.add(ref.path("uid").asText()));
    }
    return uids;
  }

  public static long parseVersion(String version) {
    try {
      long v = Long.parseLong(version);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new StoreException.Invalid("invalid resourceVersion \"" + version + "\"");
    }
  }

  private static void checkVersion(ObjectKey key, ObjectNode stored, Resource incoming) {
    String given = incoming.metadata() == null ? null : incoming.metadata().resourceVersion();
    String current = text(stored.path("metadata"), "resourceVersion");
    if (given == null || !given.equals(current)) {
      throw new StoreException.Conflict(key, given, current);
    }
  }

  private static ObjectNode typedTree(ResourceKind kind, Resource obj) {
    if (obj.metadata() == null) {
      throw new StoreException.Invalid(kind.kindName() + ": metadata is required");
    }
    if (obj.kind() != null && !obj.kind().equals(kind.kindName())) {
      throw new StoreException.Invalid(
          kind.kindName() + ": kind is \"" + obj.kind() + "\", expected " + kind.kindName());
    }
    ObjectNode tree = StoreCodec.tree(obj);
    tree.put("kind", kind.kindName());
    if (text(tree, "apiVersion") == null) {
      tree.put("apiVersion", kind.defaultApiVersion());
    }
    return tree;
  }

  private static JsonNode specOf(ObjectNode tree) {
    ObjectNode copy = tree.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    return copy;
  }

  private String generateName(
      ResourceKind kind, String namespace, String prefix, Predicate<ObjectKey> taken) {
    String base =
        prefix.length() > MAX_GENERATE_NAME ? prefix.substring(0, MAX_GENERATE_NAME) : prefix;
    String candidate = base + randomSuffix();
    for (int attempt = 0;
        attempt < 8 && taken.test(ObjectKey.of(kind, namespace, candidate));
        attempt++) {
      candidate = base + randomSuffix();
    }
    return candidate;
  }

  private String randomSuffix() {
    return generatedSuffix(random);
  }

  /** Five characters as Kubernetes appends to a generateName, for names made outside the store. */
  public static String generatedSuffix(RandomGenerator random) {
    StringBuilder sb = new StringBuilder(GENERATED_SUFFIX);
    for (int i = 0; i < GENERATED_SUFFIX; i++) {
      sb.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return sb.toString();
  }

  private String newUid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private String timestamp() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
  }

  private static void validateName(ResourceKind kind, String name) {
    if (dev.weft.model.Names.dns1123Subdomain(name).isPresent()) {
      throw new StoreException.Invalid(
          kind.kindName()
              + " \""
              + name
              + "\": a name must be lowercase letters, digits, '-' and '.', start and end with a"
              + " letter or digit, and have at most 253 characters");
    }
  }

  private static void copyField(JsonNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value == null || value.isNull()) {
      to.remove(field);
    } else {
      to.set(field, value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
