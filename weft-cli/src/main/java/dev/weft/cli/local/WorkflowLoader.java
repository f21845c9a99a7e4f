package dev.weft.cli.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.model.codec.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what `weft run` is given: the workflow file and the files it needs (templates, ConfigMaps,
 * claims), applying -p and --entrypoint as Argo's submit does.
 */
public final class WorkflowLoader {
  private WorkflowLoader() {}

  public record Loaded(Workflow workflow, List<Resource> supporting, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return workflow != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  public static Loaded load(
      Path file, List<Path> extra, List<String> params, String entrypoint, String name) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Resource> supporting = new ArrayList<>();
    for (Path f : extra) {
      Decoded d = ResourceDecoder.decodeFile(f);
      diagnostics.addAll(d.diagnostics());
      d.resources().forEach(r -> supporting.add(r.value()));
    }
    Decoded main = ResourceDecoder.decodeFile(file);
    diagnostics.addAll(main.diagnostics());
    Workflow wf = null;
    for (Located<Resource> r : main.resources()) {
      if (wf == null && r.value() instanceof Workflow w) wf = w;
      else supporting.add(r.value());
    }
    if (wf == null) {
      if (!main.hasErrors()) {
        diagnostics.add(
            Diagnostic.error(
                SourceLocation.unknown(file.toString()),
                "kind",
                "the file has no Workflow to run"));
      }
      return new Loaded(null, supporting, diagnostics);
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        diagnostics.add(
            Diagnostic.error(
                SourceLocation.unknown("-p " + p), "parameter", "expected name=value"));
        continue;
      }
      overrides.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return new Loaded(apply(wf, overrides, entrypoint, name), supporting, diagnostics);
  }

  private static Workflow apply(
      Workflow wf, Map<String, String> params, String entrypoint, String name) {
    ObjectNode tree = (ObjectNode) Codec.tree(wf);
    ObjectNode spec = tree.with("spec");
    if (entrypoint != null) spec.put("entrypoint", entrypoint);
    if (name != null) tree.with("metadata").put("name", name);
    setArguments(spec, params);
    return Codec.convert(tree, Workflow.class);
  }

  /**
   * Sets workflow arguments as Argo's {@code -p} does: a value replaces the argument's value (and
   * valueFrom); an argument the spec lacks is added.
   */
  public static void setArguments(ObjectNode spec, Map<String, String> params) {
    if (params.isEmpty()) return;
    ArrayNode list = spec.with("arguments").withArray("parameters");
    Map<String, String> left = new LinkedHashMap<>(params);
    for (var p : list) {
      String n = p.path("name").asText();
      if (left.containsKey(n)) {
        ((ObjectNode) p).put("value", left.remove(n));
        ((ObjectNode) p).remove("valueFrom");
      }
    }
    left.forEach((n, v) -> list.addObject().put("name", n).put("value", v));
  }
}
