package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.InputFile;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.spec.WorkflowTemplateRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks workflows before they run: everything that can be known from the files alone, each finding
 * with file, line, column and field. WorkflowTemplates and ClusterWorkflowTemplates in any of the
 * files resolve the {@code templateRef} and {@code workflowTemplateRef} of the others.
 */
public final class Linter {

  /**
   * Decodes and checks the files together. With {@code strict}, unknown fields and settings Weft
   * will not honour are errors rather than warnings.
   */
  public LintReport lint(List<Path> files, boolean strict) {
    SourceText text = new SourceText();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Located<Resource>> resources = new ArrayList<>();
    for (Path file : files) {
      // Read once: the text serves both the decoder and the columns inside values.
      InputFile.Read read = InputFile.read(file);
      if (read instanceof InputFile.Text t) text.add(file.toString(), t.text());
      Decoded decoded = ResourceDecoder.decode(read, file.toString());
      for (Diagnostic d : decoded.diagnostics()) diagnostics.add(strict ? d.asError() : d);
      resources.addAll(decoded.resources());
    }
    diagnostics.addAll(check(resources, text, strict));
    return new LintReport(sorted(diagnostics, files));
  }

  /** Checks resources already decoded; columns inside values fall back to their field's. */
  public LintReport lint(List<Located<Resource>> resources) {
    return new LintReport(check(resources, new SourceText(), false));
  }

  private static List<Diagnostic> check(
      List<Located<Resource>> resources, SourceText text, boolean strict) {
    TemplateLibrary library = TemplateLibrary.of(resources);
    List<Diagnostic> out = new ArrayList<>();
    for (Located<Resource> located : resources) {
      Reporter report = new Reporter(located.locations(), text, out, strict);
      try {
        check(located.value(), report, library);
      } catch (RuntimeException e) {
        // A check must never stop the others; a crash is a linter bug, reported as such.
        report.error("", "the linter failed on this document: " + e);
      }
    }
    return out;
  }

  private static void check(Resource resource, Reporter report, TemplateLibrary library) {
    PathChecks.check(resource, report);
    switch (resource) {
      case Workflow w -> runnable(w.spec(), "/spec", report, library, false);
      case WorkflowTemplate t -> template(t.spec(), report, library);
      case ClusterWorkflowTemplate t -> template(t.spec(), report, library);
      case CronWorkflow c -> {
        if (c.spec() == null) {
          report.error("", "missing spec");
        } else {
          CronChecker.check(report, c.spec(), "/spec");
          if (c.spec().workflowSpec() != null) {
            runnable(c.spec().workflowSpec(), "/spec/workflowSpec", report, library, true);
          }
        }
      }
      case WorkflowEventBinding b -> EventBindingChecker.check(report, b);
      default -> {}
    }
  }

  private static void template(WorkflowSpec spec, Reporter report, TemplateLibrary library) {
    if (spec == null) {
      report.error("", "missing spec");
      return;
    }
    Map<String, Template> templates = SpecScope.templatesByName(spec.templatesOrEmpty(), List.of());
    SpecChecker.check(
        new SpecScope(
            spec, "/spec", report, library, templates, globals(spec, null), false, false, false));
  }

  private static void runnable(
      WorkflowSpec spec, String pointer, Reporter report, TemplateLibrary library, boolean cron) {
    if (spec == null) {
      report.error("", "missing spec");
      return;
    }
    WorkflowSpec inherited = inherited(spec.workflowTemplateRef(), pointer, report, library);
    Map<String, Template> templates =
        SpecScope.templatesByName(
            spec.templatesOrEmpty(), inherited == null ? List.of() : inherited.templatesOrEmpty());
    SpecChecker.check(
        new SpecScope(
            spec, pointer, report, library, templates, globals(spec, inherited), true, true, cron));
  }

  private static WorkflowSpec inherited(
      WorkflowTemplateRef ref, String pointer, Reporter report, TemplateLibrary library) {
    if (ref == null) return null;
    String at = child(pointer, "workflowTemplateRef");
    if (ref.name() == null) {
      report.error(at, "workflowTemplateRef needs a name");
      return null;
    }
    Optional<WorkflowSpec> found = library.find(ref.name(), ref.cluster());
    if (found.isEmpty()) {
      report.error(
          child(at, "name"),
          "no " + TemplateLibrary.kind(ref.cluster()) + " named \"" + ref.name() + "\"");
    }
    return found.orElse(null);
  }

  private static Set<String> globals(WorkflowSpec spec, WorkflowSpec inherited) {
    Set<String> names = new LinkedHashSet<>();
    for (Parameter p : spec.argumentsOrEmpty().parametersOrEmpty()) names.add(p.name());
    if (inherited != null) {
      for (Parameter p : inherited.argumentsOrEmpty().parametersOrEmpty()) names.add(p.name());
    }
    return names;
  }

  /** In the order the files were given, then by line and column. */
  private static List<Diagnostic> sorted(List<Diagnostic> diagnostics, List<Path> files) {
    Map<String, Integer> order = new HashMap<>();
    for (Path f : files) order.putIfAbsent(f.toString(), order.size());
    return diagnostics.stream()
        .sorted(
            Comparator.comparingInt(
                    (Diagnostic d) -> order.getOrDefault(d.location().file(), order.size()))
                .thenComparingInt(d -> d.location().line())
                .thenComparingInt(d -> d.location().column()))
        .toList();
  }
}
