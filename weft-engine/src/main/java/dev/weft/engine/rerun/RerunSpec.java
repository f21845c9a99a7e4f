package dev.weft.engine.rerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import java.util.Map;

/** The spec a retried or resubmitted workflow runs with: no shutdown, parameters overridden. */
final class RerunSpec {
  private RerunSpec() {}

  static WorkflowSpec of(WorkflowSpec spec, Map<String, String> parameters) {
    ObjectNode tree = (ObjectNode) Codec.tree(spec);
    tree.remove("shutdown");
    if (!parameters.isEmpty()) {
      JsonNode args = tree.path("arguments");
      ObjectNode arguments = args.isObject() ? (ObjectNode) args : tree.putObject("arguments");
      JsonNode params = arguments.path("parameters");
      ArrayNode list = params.isArray() ? (ArrayNode) params : arguments.putArray("parameters");
      parameters.forEach(
          (name, value) -> {
            for (JsonNode p : list) {
              if (name.equals(p.path("name").asText())) {
                ((ObjectNode) p).put("value", value);
                return;
              }
            }
            list.addObject().put("name", name).put("value", value);
          });
    }
    return Codec.convert(tree, WorkflowSpec.class);
  }
}
