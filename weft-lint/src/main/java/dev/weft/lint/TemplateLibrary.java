package dev.weft.lint;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.Resource;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Located;
import dev.weft.model.spec.WorkflowSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The WorkflowTemplates and ClusterWorkflowTemplates of every file linted, by name. */
final class TemplateLibrary {
  private final Map<String, WorkflowSpec> namespaced = new HashMap<>();
  private final Map<String, WorkflowSpec> cluster = new HashMap<>();

  static TemplateLibrary of(List<Located<Resource>> resources) {
    TemplateLibrary library = new TemplateLibrary();
    for (Located<Resource> located : resources) {
      switch (located.value()) {
        case WorkflowTemplate t -> library.put(library.namespaced, t.metadata().name(), t.spec());
        case ClusterWorkflowTemplate t ->
            library.put(library.cluster, t.metadata().name(), t.spec());
        default -> {}
      }
    }
    return library;
  }

  private void put(Map<String, WorkflowSpec> into, String name, WorkflowSpec spec) {
    if (name != null && spec != null) into.putIfAbsent(name, spec);
  }

  Optional<WorkflowSpec> find(String name, boolean clusterScope) {
    return Optional.ofNullable((clusterScope ? cluster : namespaced).get(name));
  }

  static String kind(boolean clusterScope) {
    return clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
  }
}
