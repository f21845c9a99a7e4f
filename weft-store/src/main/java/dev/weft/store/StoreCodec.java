package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
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
}
