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
import java.util.List;
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
   * with the stored templates it does not replace; only those located in the batch's files.
   */
  public List<Diagnostic> findings(List<? extends Located<? extends Resource>> batch) {
    List<Located<Resource>> all = new ArrayList<>();
    Set<String> files = new HashSet<>();
    Set<String> namespaces = new HashSet<>();
    for (Located<? extends Resource> r : batch) {
      all.add(new Located<>(r.value(), r.locations()));
      files.add(r.locations().file());
      namespaces.add(r.value().metadata().namespaceOrDefault());
    }
    for (String namespace : namespaces) {
      for (WorkflowTemplate t :
          store.list(WorkflowTemplate.class, namespace, LabelSelector.everything())) {
        if (!replaced(batch, t)) all.add(stored(t));
      }
    }
    for (ClusterWorkflowTemplate t :
        store.list(ClusterWorkflowTemplate.class, null, LabelSelector.everything())) {
      if (!replaced(batch, t)) all.add(stored(t));
    }
    return linter.lint(all).diagnostics().stream()
        .filter(d -> d.location() != null && files.contains(d.location().file()))
        .toList();
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
