package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a workflow is laid out in a {@link JdbcStore}: {@code weft_objects.body} holds it without its
 * status, {@code weft_objects.status} the status without its nodes (an empty {@code nodes} object
 * where they go), and {@code weft_nodes} one row per node, in the order of the status. A patch then
 * rewrites only the rows it changed; readers get the whole object back, the same JSON as was
 * written. Other kinds are kept whole in {@code body}.
 */
final class WorkflowRows {
  private WorkflowRows() {}

  /** An object's columns: body, status header (null if none) and node texts by id, in order. */
  record Split(String body, String status, Map<String, String> nodes) {}

  /** Whether objects of {@code kind} are split into these rows. */
  static boolean splits(ResourceKind kind) {
    return kind == ResourceKind.WORKFLOW;
  }

  /** The columns of {@code tree}, an object of a kind that {@link #splits}. */
  static Split split(ObjectNode tree) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    tree.fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue()));
    JsonNode status = body.remove("status");
    if (!(status instanceof ObjectNode statusTree)) {
      return new Split(StoreCodec.text(body), null, Map.of());
    }
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    Map<String, String> nodes = new LinkedHashMap<>();
    statusTree
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getKey().equals("nodes") && f.getValue() instanceof ObjectNode all) {
                header.set("nodes", JsonNodeFactory.instance.objectNode());
                all.fields()
                    .forEachRemaining(n -> nodes.put(n.getKey(), StoreCodec.text(n.getValue())));
              } else {
                header.set(f.getKey(), f.getValue());
              }
            });
    return new Split(StoreCodec.text(body), StoreCodec.text(header), nodes);
  }

  /**
   * The whole object from its columns: {@code nodes} are the node texts by id, in order (ignored
   * without a status); the resourceVersion column is the truth, since a patch does not rewrite the
   * body.
   */
  static ObjectNode assemble(
      String body, String status, Map<String, String> nodes, long resourceVersion) {
    ObjectNode tree = StoreCodec.parse(body);
    tree.withObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
    if (status == null) {
      return tree;
    }
    ObjectNode header = StoreCodec.parse(status);
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    nodes.forEach((id, node) -> all.set(id, StoreCodec.parse(node)));
    if (header.has("nodes") || !all.isEmpty()) {
      header.set("nodes", all);
    }
    tree.set("status", header);
    return tree;
  }
}
