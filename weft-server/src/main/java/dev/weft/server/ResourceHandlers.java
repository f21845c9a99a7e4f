package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.store.ListResult;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Create, list, get, update, delete and lint for one stored kind: WorkflowTemplates,
 * ClusterWorkflowTemplates (no namespace in the path) and CronWorkflows.
 */
public final class ResourceHandlers<T extends Resource> {
  private static final int UNCONDITIONAL_ATTEMPTS = 10;
  private final ControlPlane plane;
  private final Validation validation;
  private final Class<T> type;
  private final String bodyField;
  private final boolean namespaced;

  public ResourceHandlers(
      ControlPlane plane,
      Validation validation,
      Class<T> type,
      String bodyField,
      boolean namespaced) {
    this.plane = plane;
    this.validation = validation;
    this.type = type;
    this.bodyField = bodyField;
    this.namespaced = namespaced;
  }

  public void register(Router router, String base) {
    String collection = namespaced ? base + "/{namespace}" : base;
    if (namespaced) router.add("GET", base, this::list); // every namespace, as Argo's `-A`
    router
        .add("POST", collection + "/lint", this::lint)
        .add("POST", collection, this::create)
        .add("GET", collection, this::list)
        .add("GET", collection + "/{name}", this::get)
        .add("PUT", collection + "/{name}", this::update)
        .add("DELETE", collection + "/{name}", this::delete);
  }

  /** Registers PUT {name}/suspend and {name}/resume, which set {@code spec.suspend}. */
  public void registerSuspension(Router router, String base) {
    String item = (namespaced ? base + "/{namespace}" : base) + "/{name}";
    router
        .add("PUT", item + "/suspend", r -> setSuspend(r, true))
        .add("PUT", item + "/resume", r -> setSuspend(r, false));
  }

  private String namespace(Request r) {
    return namespaced ? r.path("namespace") : null;
  }

  private Located<T> decode(Request r) throws IOException {
    Located<T> found = Bodies.resource(r.body(), bodyField, type, type.getSimpleName());
    return new Located<>(StoredObjects.place(found.value(), namespace(r), type), found.locations());
  }

  private Object create(Request r) throws IOException {
    Located<T> obj = decode(r);
    validation.require(obj);
    return plane.store().create(obj.value());
  }

  private Object lint(Request r) throws IOException {
    Located<T> obj = decode(r);
    List<Diagnostic> errors =
        validation.findings(obj).stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw ApiException.invalid(
          errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    }
    return obj.value();
  }

  /**
   * The objects in name order (Argo sorts templates so), those whose name contains {@code
   * namePattern} (as Argo's template list), cut to {@code listOptions.limit} from the offset in
   * {@code listOptions.continue}, the next page's offset in {@code metadata.continue}.
   */
  private Object list(Request r) {
    ListResult<T> result =
        plane.store().listWithVersion(type, namespace(r), StoredObjects.labels(r));
    String pattern = r.query("namePattern");
    List<T> matching =
        result.items().stream()
            .filter(o -> pattern == null || o.metadata().name().contains(pattern))
            .sorted(Comparator.comparing((T o) -> o.metadata().name()))
            .toList();
    int limit = ListQuery.number(r.query("listOptions.limit"), "listOptions.limit");
    int from = Math.min(ListQuery.continueOffset(r), matching.size());
    int to = limit == 0 ? matching.size() : (int) Math.min((long) from + limit, matching.size());
    Map<String, Object> out = StoredObjects.list(result, matching.subList(from, to));
    if (to < matching.size()) {
      out.put(
          "metadata",
          Map.of("resourceVersion", result.resourceVersion(), "continue", Integer.toString(to)));
    }
    return out;
  }

  private Object get(Request r) {
    return StoredObjects.get(plane.store(), type, namespace(r), r.path("name"));
  }

  /**
   * Replaces the object. With a resourceVersion in the body a stale one is a 409, as on the API
   * server; without one the stored object is overwritten whatever wrote it meanwhile (a cron's
   * controller records its runs in the same object), so a lost race is tried again.
   */
  private Object update(Request r) throws IOException {
    Located<T> obj = decode(r);
    String name = r.path("name");
    String given = obj.value().metadata().name();
    if (given != null && !given.equals(name)) {
      throw ApiException.invalid(
          "metadata.name: \"" + given + "\" does not match the path's \"" + name + "\"");
    }
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Codec.tree(obj.value());
    var meta = tree.with("metadata");
    meta.put("name", name);
    // empty is unset, as on the API server (a Go client omits it; others send "")
    boolean unconditional = meta.path("resourceVersion").asText("").isEmpty();
    for (int attempt = 1; ; attempt++) {
      if (unconditional) {
        T stored = StoredObjects.get(plane.store(), type, namespace(r), name);
        meta.put("resourceVersion", stored.metadata().resourceVersion());
      } else {
        StoredObjects.get(plane.store(), type, namespace(r), name); // a 404 before a 409
      }
      T updated = Codec.convert(tree, type);
      validation.require(new Located<>(updated, obj.locations()));
      try {
        return plane.store().update(updated);
      } catch (StoreException.Conflict e) {
        if (!unconditional || attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
      }
    }
  }

  private Object delete(Request r) {
    plane.store().delete(type, namespace(r), r.path("name"));
    return Map.of();
  }

  private Object setSuspend(Request r, boolean suspend) {
    return StoredObjects.editSpec(
        plane.store(), type, namespace(r), r.path("name"), spec -> spec.put("suspend", suspend));
  }
}
