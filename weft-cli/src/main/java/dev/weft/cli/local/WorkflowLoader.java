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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what `weft run` is given: the workflow file and the files it needs (templates, ConfigMaps,
 * claims), applying -p and --entrypoint as Argo's submit does. Every Workflow of the file runs, as
 * {@code argo submit} submits every one.
 */
public final class WorkflowLoader {
  private WorkflowLoader() {}

  /**
   * The workflows to run, in file order, and what they need. {@code diagnostics} are the errors
   * found on the way and the warnings about {@code -p}; the decoder's warnings are the linter's to
   * report.
   */
  public record Loaded(
      List<Workflow> workflows, List<Resource> supporting, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return !workflows.isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  public static Loaded load(
      Path file, List<Path> extra, List<String> params, String entrypoint, String name) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Resource> supporting = new ArrayList<>();
    for (Path f : extra) {
      Decoded d = ResourceDecoder.decodeFile(f);
      d.diagnostics().stream().filter(Diagnostic::isError).forEach(diagnostics::add);
      for (Located<Resource> r : d.resources()) {
        if (r.value() instanceof Workflow) {
          // Created in the store it would run unwatched, and end with this command.
          diagnostics.add(
              Diagnostic.error(
                  r.locations().locate("/kind"),
                  "kind",
                  "-f loads what the workflow needs (templates, ConfigMaps, Secrets, claims);"
                      + " a Workflow runs as the FILE of `weft run`"));
        } else {
          supporting.add(r.value());
        }
      }
    }
    Decoded main = ResourceDecoder.decodeFile(file);
    main.diagnostics().stream().filter(Diagnostic::isError).forEach(diagnostics::add);
    List<Located<Workflow>> found = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Located<Resource> r : main.resources()) {
      if (r.value() instanceof Workflow w) {
        found.add(new Located<>(w, r.locations()));
        String n = w.metadata().name();
        if (n != null && !n.isEmpty() && !names.add(n) && name == null) {
          diagnostics.add(
              Diagnostic.error(
                  r.locations().locate("/metadata/name"),
                  "metadata.name",
                  "a second Workflow named \"" + n + "\"; use generateName or another name"));
        }
      } else {
        supporting.add(r.value());
      }
    }
    if (found.isEmpty()) {
      if (!main.hasErrors()) {
        diagnostics.add(
            Diagnostic.error(
                SourceLocation.unknown(file.toString()),
                "kind",
                "the file has no Workflow to run"));
      }
      return new Loaded(List.of(), supporting, diagnostics);
    }
    if (name != null && found.size() > 1) {
      diagnostics.add(
          Diagnostic.error(
              SourceLocation.unknown("--name " + name),
              "",
              "names one workflow; " + file + " has " + found.size() + " Workflows"));
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
    List<Workflow> workflows = new ArrayList<>();
    for (Located<Workflow> wf : found) {
      diagnostics.addAll(UndeclaredParameters.check(wf, supporting, overrides.keySet()));
      workflows.add(apply(wf.value(), overrides, entrypoint, name));
    }
    return new Loaded(workflows, supporting, diagnostics);
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
