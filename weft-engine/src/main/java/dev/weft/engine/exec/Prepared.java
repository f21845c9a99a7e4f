package dev.weft.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.Call;
import dev.weft.engine.template.InputBinder;
import dev.weft.engine.template.TemplateHolder;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Template;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.Map;

/**
 * A template ready to run: resolved, inputs bound, substituted. {@code vars} is the scope it was
 * substituted with, which its body's own scopes extend.
 */
record Prepared(
    Template template,
    TemplateHolder holder,
    Call call,
    InputBinder.Bound bound,
    Map<String, String> vars) {

  /** Creates the node that runs this template, recording its inputs and templateRef. */
  NodeStatus createNode(
      Run run, String nodeName, NodeType type, String boundaryId, NodePhase phase, String message) {
    NodeStatus node =
        run.nodes()
            .create(
                nodeName,
                type,
                call.displayTemplateName(),
                holder.scope(),
                boundaryId,
                phase,
                message,
                run.now());
    JsonNode ref = call.templateRef() == null ? null : Codec.tree(call.templateRef());
    return run.nodes()
        .update(node.id(), n -> n.toBuilder().inputs(bound.inputs()).templateRef(ref).build());
  }
}
