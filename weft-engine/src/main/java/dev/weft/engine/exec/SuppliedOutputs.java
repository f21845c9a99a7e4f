package dev.weft.engine.exec;

import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import dev.weft.model.status.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outputs of a resumed suspend node: supplied values, else those a `node set` recorded, else
 * the input parameter of the same name (what a resume form would show pre-filled), else the
 * parameter's default.
 */
final class SuppliedOutputs {
  private SuppliedOutputs() {}

  static Outputs of(Template t, NodeStatus node, Map<String, String> supplied) {
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : t.outputsOrEmpty().parametersOrEmpty()) {
      String value = supplied.get(p.name());
      if (value == null && node.outputs() != null) {
        value = // set earlier by a `node set` that left the node suspended
            node.outputs().parametersOrEmpty().stream()
                .filter(o -> p.name().equals(o.name()))
                .map(Parameter::value)
                .findFirst()
                .orElse(null);
      }
      if (value == null && node.inputs() != null) {
        value =
            node.inputs().parametersOrEmpty().stream()
                .filter(i -> p.name().equals(i.name()))
                .map(Parameter::value)
                .findFirst()
                .orElse(null);
      }
      if (value == null && p.valueFrom() != null) value = p.valueFrom().defaultValue();
      if (value == null) value = p.value();
      if (value != null)
        params.add(new Parameter(p.name(), null, value, null, p.globalName(), null, null));
    }
    return params.isEmpty() ? null : new Outputs(params, null, null, null);
  }
}
