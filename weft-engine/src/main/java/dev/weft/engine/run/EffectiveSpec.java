package dev.weft.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Library;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.JsonMerge;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.spec.WorkflowTemplateRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec a workflow runs: its own, joined onto the WorkflowTemplate it references; the workflow's
 * fields win and its arguments override the template's by name.
 */
public final class EffectiveSpec {
  private EffectiveSpec() {}

  public static WorkflowSpec of(WorkflowSpec own, Library lib) {
    WorkflowTemplateRef ref = own.workflowTemplateRef();
    if (ref == null) return own;
    WorkflowSpec base;
    if (ref.cluster()) {
      ClusterWorkflowTemplate c = lib.clusterWorkflowTemplates().get(ref.name());
      if (c == null)
        throw new EngineError(
            "clusterworkflowtemplates.argoproj.io \"" + ref.name() + "\" not found");
      base = c.spec();
    } else {
      WorkflowTemplate t = lib.workflowTemplates().get(ref.name());
      if (t == null)
        throw new EngineError("workflowtemplates.argoproj.io \"" + ref.name() + "\" not found");
      base = t.spec();
    }
    ObjectNode baseTree = (ObjectNode) Codec.tree(base);
    ObjectNode ownTree = (ObjectNode) Codec.tree(own);
    ownTree.remove("workflowTemplateRef");
    JsonNode args = mergeArguments(baseTree.path("arguments"), ownTree.path("arguments"));
    ObjectNode merged = (ObjectNode) JsonMerge.merge(baseTree, ownTree);
    if (args != null) merged.set("arguments", args);
    return Codec.convert(merged, WorkflowSpec.class);
  }

  private static JsonNode mergeArguments(JsonNode base, JsonNode own) {
    if (base.isMissingNode() && own.isMissingNode()) return null;
    ObjectNode out = Codec.json().createObjectNode();
    for (String kind : new String[] {"parameters", "artifacts"}) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      base.path(kind).forEach(p -> byName.put(p.path("name").asText(), p));
      own.path(kind)
          .forEach(
              p ->
                  byName.put(
                      p.path("name").asText(),
                      JsonMerge.merge(byName.get(p.path("name").asText()), p)));
      if (!byName.isEmpty()) {
        ArrayNode arr = out.putArray(kind);
        byName.values().forEach(arr::add);
      }
    }
    return out;
  }
}
