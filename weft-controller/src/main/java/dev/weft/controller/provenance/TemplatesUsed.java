package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodeStatus;
import dev.weft.provenance.CanonicalJson;
import dev.weft.provenance.statement.ResourceDescriptor;
import dev.weft.store.Store;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates a run used: the one its {@code
 * workflowTemplateRef} names, those its nodes' {@code templateRef}s and template scopes name, and
 * those the used templates refer to in turn. Weft records no copy of a template in the status
 * (Argo's {@code storedTemplates} stays empty), so each is read from the store when the statement
 * is made, and its dependency says so ({@code weft_source: store}); a workflow whose status does
 * carry {@code storedWorkflowTemplateSpec} is described by that copy instead.
 */
final class TemplatesUsed {
  /** One template object: a namespace's WorkflowTemplate, or a ClusterWorkflowTemplate. */
  record Ref(boolean cluster, String namespace, String name) {
    String uri() {
      return cluster
          ? "weft:clusterworkflowtemplates/" + name
          : "weft:workflowtemplates/" + namespace + "/" + name;
    }
  }

  /** A used template: its metadata, spec and whole object, or empty ones when it is gone. */
  private record Found(
      Ref ref, Optional<ObjectMeta> meta, Optional<WorkflowSpec> spec, Optional<JsonNode> object) {}

  private final Workflow wf;
  private final Map<String, Found> used = new TreeMap<>(); // by uri: a stable order

  TemplatesUsed(Workflow wf, Store store) {
    this.wf = wf;
    String ns = wf.metadata().namespaceOrDefault();
    Deque<Ref> todo = new ArrayDeque<>();
    var top = wf.spec().workflowTemplateRef();
    if (top != null && top.name() != null) todo.add(new Ref(top.cluster(), ns, top.name()));
    refsIn(Codec.tree(wf.spec()), ns, todo);
    for (NodeStatus n : wf.status().nodesOrEmpty().values()) {
      if (n.templateRef() != null) refFrom(n.templateRef(), ns).ifPresent(todo::add);
      scoped(n.templateScope(), ns).ifPresent(todo::add);
    }
    while (!todo.isEmpty()) {
      Ref ref = todo.pop();
      if (ref.name().contains("{{") || used.containsKey(ref.uri())) continue;
      Found found = read(store, ref);
      used.put(ref.uri(), found);
      found.spec().ifPresent(spec -> refsIn(Codec.tree(spec), ns, todo));
    }
  }

  private static Found read(Store store, Ref ref) {
    if (ref.cluster()) {
      var t = store.get(ClusterWorkflowTemplate.class, null, ref.name());
      return new Found(
          ref, t.map(ClusterWorkflowTemplate::metadata), t.map(x -> x.spec()), t.map(Codec::tree));
    }
    var t = store.get(WorkflowTemplate.class, ref.namespace(), ref.name());
    return new Found(
        ref, t.map(WorkflowTemplate::metadata), t.map(x -> x.spec()), t.map(Codec::tree));
  }

  /** Every {@code templateRef} inside a spec's templates (steps and DAG tasks). */
  private static void refsIn(JsonNode tree, String ns, Deque<Ref> out) {
    if (tree.isObject()) {
      JsonNode ref = tree.get("templateRef");
      if (ref != null) refFrom(ref, ns).ifPresent(out::add);
      tree.elements().forEachRemaining(child -> refsIn(child, ns, out));
    } else if (tree.isArray()) {
      tree.forEach(child -> refsIn(child, ns, out));
    }
  }

  private static Optional<Ref> refFrom(JsonNode ref, String ns) {
    if (!ref.path("name").isTextual()) return Optional.empty();
    return Optional.of(
        new Ref(ref.path("clusterScope").asBoolean(false), ns, ref.path("name").asText()));
  }

  /**
   * A node's templateScope as the engine writes it: {@code namespaced/NAME} or {@code
   * cluster/NAME}.
   */
  private static Optional<Ref> scoped(String scope, String ns) {
    if (scope == null) return Optional.empty();
    if (scope.startsWith("namespaced/")) {
      return Optional.of(new Ref(false, ns, scope.substring("namespaced/".length())));
    }
    if (scope.startsWith("cluster/")) {
      return Optional.of(new Ref(true, ns, scope.substring("cluster/".length())));
    }
    return Optional.empty();
  }

  /** The specs of the used templates that exist, for finding what their steps ran and read. */
  List<WorkflowSpec> specs() {
    List<WorkflowSpec> out = new ArrayList<>();
    used.values().forEach(f -> f.spec().ifPresent(out::add));
    return out;
  }

  /**
   * The template a node ran: named by its templateRef, else by its templateName in the scope it was
   * resolved in (the workflow, or the template object its scope names), else in the
   * workflowTemplateRef's spec. Empty when it cannot be found any more.
   */
  Optional<Template> templateOf(NodeStatus n) {
    String ns = wf.metadata().namespaceOrDefault();
    if (n.templateRef() != null && n.templateRef().path("template").isTextual()) {
      Optional<Ref> ref = refFrom(n.templateRef(), ns);
      return ref.flatMap(r -> find(specOf(r), n.templateRef().path("template").asText()));
    }
    if (n.templateName() == null) return Optional.empty();
    Optional<Ref> scope = scoped(n.templateScope(), ns);
    if (scope.isPresent()) return find(specOf(scope.get()), n.templateName());
    Optional<Template> local = find(Optional.of(wf.spec()), n.templateName());
    if (local.isPresent()) return local;
    var top = wf.spec().workflowTemplateRef();
    if (top == null || top.name() == null) return Optional.empty();
    return find(specOf(new Ref(top.cluster(), ns, top.name())), n.templateName());
  }

  /** The spec of the template the workflowTemplateRef names, if any and still there. */
  Optional<WorkflowSpec> topSpec() {
    var top = wf.spec().workflowTemplateRef();
    if (top == null || top.name() == null) return Optional.empty();
    return specOf(new Ref(top.cluster(), wf.metadata().namespaceOrDefault(), top.name()));
  }

  private Optional<WorkflowSpec> specOf(Ref ref) {
    Found f = used.get(ref.uri());
    return f == null ? Optional.empty() : f.spec();
  }

  private static Optional<Template> find(Optional<WorkflowSpec> spec, String name) {
    return spec.flatMap(
        s -> s.templatesOrEmpty().stream().filter(t -> name.equals(t.name())).findFirst());
  }

  /**
   * One dependency per used template, with the sha256 of the object as stored ({@link
   * CanonicalJson#sha256}).
   */
  List<ResourceDescriptor> dependencies() {
    List<ResourceDescriptor> out = new ArrayList<>();
    var top = wf.spec().workflowTemplateRef();
    JsonNode stored = wf.status().storedWorkflowTemplateSpec();
    for (Found f : used.values()) {
      Map<String, String> notes = new LinkedHashMap<>();
      f.meta().ifPresent(m -> putIfSet(notes, "uid", m.uid()));
      f.meta().ifPresent(m -> putIfSet(notes, "resourceVersion", m.resourceVersion()));
      boolean isTop =
          top != null && f.ref().name().equals(top.name()) && f.ref().cluster() == top.cluster();
      if (isTop && stored != null && stored.isObject()) {
        notes.put("weft_source", "status.storedWorkflowTemplateSpec");
        out.add(ResourceDescriptor.at(f.ref().uri(), sha256(CanonicalJson.sha256(stored)), notes));
      } else if (f.object().isPresent()) {
        notes.put("weft_source", "store");
        out.add(
            ResourceDescriptor.at(
                f.ref().uri(), sha256(CanonicalJson.sha256(f.object().get())), notes));
      } else {
        notes.put("weft_source", "missing");
        out.add(ResourceDescriptor.at(f.ref().uri(), Map.of(), notes));
      }
    }
    return out;
  }

  private static Map<String, String> sha256(String hex) {
    return Map.of("sha256", hex);
  }

  private static void putIfSet(Map<String, String> m, String key, String value) {
    if (value != null && !value.isEmpty()) m.put(key, value);
  }
}
