package dev.weft.controller.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.template.JsonMerge;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;

/**
 * Argo's workflowDefaults (the controller ConfigMap's key): a partial Workflow whose spec, labels
 * and annotations every workflow gets where it sets none of its own. Applied when a workflow is
 * read for a reconcile, never written back into its spec.
 *
 * @param value the partial Workflow (metadata.labels, metadata.annotations, spec); null for none
 */
public record WorkflowDefaults(JsonNode value) {
  public static final WorkflowDefaults NONE = new WorkflowDefaults(null);

  public Workflow apply(Workflow wf) {
    if (value == null || value.isNull() || value.isEmpty()) return wf;
    // The status is not defaulted: it is left out of the round trip and put back as the very same
    // instance, so the writer can tell unchanged nodes by identity and a reconcile stays O(change).
    ObjectNode tree = (ObjectNode) Codec.tree(wf.withStatus(null));
    tree.set("spec", JsonMerge.merge(value.path("spec"), tree.path("spec")));
    ObjectNode meta = tree.withObject("metadata");
    for (String field : new String[] {"labels", "annotations"}) {
      JsonNode defaults = value.path("metadata").path(field);
      if (defaults.isObject()) meta.set(field, JsonMerge.merge(defaults, meta.path(field)));
    }
    return Codec.convert(tree, Workflow.class).withStatus(wf.status());
  }
}
