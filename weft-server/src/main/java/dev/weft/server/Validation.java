package dev.weft.server;

import dev.weft.lint.Linter;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.Resource;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.LocationIndex;
import dev.weft.store.LabelSelector;
import dev.weft.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lints a resource as Argo Server validates one before storing it, with the stored
 * WorkflowTemplates and ClusterWorkflowTemplates as the library its references resolve against.
 */
public final class Validation {
  private final Store store;
  private final Linter linter = new Linter();

  public Validation(Store store) {
    this.store = store;
  }

  /** The findings about {@code resource} (not about the stored templates it was checked with). */
  public List<Diagnostic> findings(Located<? extends Resource> resource) {
    return findings(List.of(resource));
  }

  /**
   * The findings about a batch checked together (its templates resolve each other's references),
   * with the stored templates it does not replace; only those located in the batch's files. Each
   * namespace's objects are checked with that namespace's WorkflowTemplates only, as a reference
   * resolves at run time: a template of the same name loaded for another namespace neither hides
   * the right one nor stands in for a missing one. ClusterWorkflowTemplates serve every namespace.
   */
  public List<Diagnostic> findings(List<? extends Located<? extends Resource>> batch) {
    Map<String, List<Located<Resource>>> byNamespace = new LinkedHashMap<>();
    Set<String> files = new HashSet<>();
    for (Located<? extends Resource> r : batch) {
      byNamespace
          .computeIfAbsent(r.value().metadata().namespaceOrDefault(), ns -> new ArrayList<>())
          .add(new Located<>(r.value(), r.locations()));
      files.add(r.locations().file());
    }
    List<Located<Resource>> storedClusterTemplates = new ArrayList<>();
    for (ClusterWorkflowTemplate t :
        store.list(ClusterWorkflowTemplate.class, null, LabelSelector.everything())) {
      if (!replaced(batch, t)) storedClusterTemplates.add(stored(t));
    }
    Set<Diagnostic> found = new LinkedHashSet<>();
    for (var group : byNamespace.entrySet()) {
      List<Located<Resource>> all = new ArrayList<>(group.getValue());
      for (Located<? extends Resource> r : batch) {
        // another namespace's cluster template: a library here, checked (located) in its own group
        if (r.value() instanceof ClusterWorkflowTemplate
            && group.getValue().stream().noneMatch(m -> m.value() == r.value())) {
          all.add(stored(r.value()));
        }
      }
      for (WorkflowTemplate t :
          store.list(WorkflowTemplate.class, group.getKey(), LabelSelector.everything())) {
        if (!replaced(batch, t)) all.add(stored(t));
      }
      all.addAll(storedClusterTemplates);
      linter.lint(all).diagnostics().stream()
          .filter(d -> d.location() != null && files.contains(d.location().file()))
          .forEach(found::add);
    }
    return List.copyOf(found);
  }

  private static boolean replaced(List<? extends Located<? extends Resource>> batch, Resource t) {
    return batch.stream().anyMatch(r -> sameObject(r.value(), t));
  }

  /** Refuses (400) a resource with lint errors, naming each with its line and column. */
  public void require(Located<? extends Resource> resource) {
    List<Diagnostic> errors = findings(resource).stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw ApiException.invalid(
          errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    }
  }

  private static boolean sameObject(Resource a, Resource b) {
    return a.getClass() == b.getClass()
        && Objects.equals(a.metadata().name(), b.metadata().name())
        && (a instanceof ClusterWorkflowTemplate
            || a.metadata().namespaceOrDefault().equals(b.metadata().namespaceOrDefault()));
  }

  private static Located<Resource> stored(Resource r) {
    return new Located<>(r, new LocationIndex("stored " + r.kind() + " " + r.metadata().name()));
  }
}
