package dev.weft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;

/** Resources as JSON trees, the form the store keeps them in, through Weft's one codec. */
final class StoreCodec {
  private StoreCodec() {}

  static ObjectNode tree(Resource obj) {
    return (ObjectNode) Codec.tree(obj);
  }

  static <T> T convert(ObjectNode tree, Class<T> type) {
    return Codec.convert(tree, type);
  }

  /**
   * What a status update returns: the incoming object with the stored metadata. Only a workflow's
   * status is big, and decoding it back from the tree cost more than the rest of the write; the
   * stored status is the incoming one, and the spec is checked to be the same.
   */
  @SuppressWarnings("unchecked")
  static <T extends Resource> T afterStatusUpdate(T incoming, ObjectNode tree) {
    if (incoming instanceof Workflow w && Codec.tree(w.spec()).equals(tree.get("spec"))) {
      return (T) w.withMetadata(Codec.convert(tree.get("metadata"), ObjectMeta.class));
    }
    return typed(incoming, tree);
  }

  /** {@code tree} as an object of the same class as {@code like}. */
  @SuppressWarnings("unchecked")
  static <T extends Resource> T typed(T like, ObjectNode tree) {
    return (T) Codec.convert(tree, like.getClass());
  }

  /** The tree as compact JSON text, the form databases keep it in. */
  static String text(JsonNode tree) {
    try {
      return Codec.json().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored tree cannot be written as JSON", e);
    }
  }

  /** A value (a node, a status header, a delta) as compact JSON text, without a tree between. */
  static String json(Object value) {
    try {
      return Codec.json().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a value cannot be written as JSON", e);
    }
  }

  /** The value stored as {@code text}. */
  static <T> T read(String text, Class<T> type) {
    try {
      return Codec.json().readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + type.getSimpleName() + " is not valid JSON", e);
    }
  }

  /** The tree stored as {@code text}. */
  static ObjectNode parse(String text) {
    try {
      return (ObjectNode) Codec.json().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored object is not valid JSON", e);
    }
  }
}
