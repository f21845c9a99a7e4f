package dev.weft.kube.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import java.util.List;

/** The forms of an object a full write diffs: what Weft last read, and what a patch may change. */
final class StoredForms {
  private StoredForms() {}

  static ObjectNode only(String field, ObjectNode tree) {
    ObjectNode out = Codec.json().createObjectNode();
    if (tree.has(field)) out.set(field, tree.get(field));
    return out;
  }

  /** What the patch may change: not the metadata the API server owns. */
  static ObjectNode writable(ObjectNode tree) {
    ObjectNode copy = tree.deepCopy();
    ObjectNode meta = copy.withObject("metadata");
    for (String owned :
        List.of(
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "deletionTimestamp",
            "managedFields",
            "namespace",
            "name")) {
      meta.remove(owned);
    }
    return copy;
  }

  /**
   * What Weft last read, in the form it is stored: Weft's encoding of the decoded object, with the
   * stored compressed nodes in place of the expanded ones, so unchanged nodes patch nothing.
   */
  static ObjectNode storedForm(ObjectNode raw, Resource decoded) {
    ObjectNode view = (ObjectNode) Codec.tree(decoded);
    var compressed = raw.path("status").get("compressedNodes");
    if (compressed != null && view.has("status")) {
      ObjectNode status = (ObjectNode) view.get("status");
      status.remove("nodes");
      status.set("compressedNodes", compressed);
    }
    return view;
  }
}
