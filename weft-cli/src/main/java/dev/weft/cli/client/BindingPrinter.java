package dev.weft.cli.client;

import dev.weft.cli.view.Table;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.spec.EventSubmit;
import dev.weft.model.spec.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * WorkflowEventBindings for `weft event-binding list` and `get`: what each listens for and runs.
 */
public final class BindingPrinter {
  private BindingPrinter() {}

  /** NAME, TEMPLATE (cluster ones marked) and SELECTOR on one line each. */
  public static Table table(List<WorkflowEventBinding> items, boolean namespaces) {
    List<String> header = new ArrayList<>();
    if (namespaces) header.add("NAMESPACE");
    header.addAll(List.of("NAME", "TEMPLATE", "SELECTOR"));
    Table t = new Table(3, header);
    for (WorkflowEventBinding b : items) {
      List<String> row = new ArrayList<>();
      if (namespaces) row.add(b.metadata().namespaceOrDefault());
      row.add(b.metadata().name());
      row.add(template(b.spec() == null ? null : b.spec().submit()));
      row.add(oneLine(b.selectorOrEmpty()));
      t.row(row);
    }
    return t;
  }

  static void describe(List<String> out, String fmt, WorkflowEventBinding b) {
    out.add(String.format(fmt, "Selector:", oneLine(b.selectorOrEmpty())).stripTrailing());
    EventSubmit submit = b.spec() == null ? null : b.spec().submit();
    out.add(String.format(fmt, "Submits:", template(submit)).stripTrailing());
    if (submit == null) return;
    List<Parameter> params = submit.argumentsOrEmpty().parametersOrEmpty();
    if (!params.isEmpty()) out.add(String.format(fmt, "Parameters:", "").stripTrailing());
    for (Parameter p : params) {
      String from = p.valueFrom() == null ? "" : oneLine(p.valueFrom().event());
      out.add(String.format(fmt, "  " + p.name() + ":", from).stripTrailing());
    }
  }

  private static String template(EventSubmit submit) {
    if (submit == null || submit.workflowTemplateRef() == null) return "-";
    String name = submit.workflowTemplateRef().name();
    return submit.workflowTemplateRef().cluster() ? "cluster/" + name : name;
  }

  /** A multi-line selector (YAML's {@code |}) folded onto one line. */
  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
