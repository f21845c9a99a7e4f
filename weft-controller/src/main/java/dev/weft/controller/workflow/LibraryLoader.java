package dev.weft.controller.workflow;

import dev.weft.engine.Library;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ConfigMap;
import dev.weft.model.Resource;
import dev.weft.model.Secret;
import dev.weft.model.WorkflowTemplate;
import dev.weft.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads from the store the objects a workflow in a namespace may refer to. */
public final class LibraryLoader {
  private final Store store;

  public LibraryLoader(Store store) {
    this.store = store;
  }

  public Library load(String namespace) {
    return new Library(
        byName(WorkflowTemplate.class, namespace),
        byName(ClusterWorkflowTemplate.class, null),
        new ObjectsOnDemand<>(store, ConfigMap.class, namespace),
        new ObjectsOnDemand<>(store, Secret.class, namespace));
  }

  private <T extends Resource> Map<String, T> byName(Class<T> kind, String namespace) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T t : store.list(kind, namespace, null)) out.put(t.metadata().name(), t);
    return out;
  }
}
