package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.ControlPlane;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.LocationIndex;
import dev.weft.store.ListResult;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Argo's WorkflowService: create, list, get, delete, lint and submit-from-template. */
public final class WorkflowHandlers {
  private final ControlPlane plane;
  private final Validation validation;

  public WorkflowHandlers(ControlPlane plane, Validation validation) {
    this.plane = plane;
    this.validation = validation;
  }

  public void register(Router router) {
    String base = "/api/v1/workflows";
    router
        .add("POST", base + "/{namespace}/lint", this::lint)
        .add("POST", base + "/{namespace}/submit", this::submit)
        .add("POST", base + "/{namespace}", this::create)
        .add("GET", base, this::list)
        .add("GET", base + "/{namespace}", this::list)
        .add("GET", base + "/{namespace}/{name}", this::get)
        .add("DELETE", base + "/{namespace}/{name}", this::delete);
  }

  private Located<Workflow> decode(Request r) throws IOException {
    Located<Workflow> wf = Bodies.resource(r.body(), "workflow", Workflow.class, "Workflow");
    Workflow placed = StoredObjects.place(wf.value(), r.path("namespace"), Workflow.class);
    return new Located<>(placed.withStatus(null), wf.locations());
  }

  private Object create(Request r) throws IOException {
    Located<Workflow> wf = decode(r);
    validation.require(wf);
    if (isDryRun(Bodies.parse(r.body()))) return wf.value();
    return plane.submit(wf.value());
  }

  /** `argo submit --dry-run` sends createOptions.dryRun ["All"]; --server-dry-run serverDryRun. */
  private static boolean isDryRun(JsonNode body) {
    JsonNode dryRun = body.path("createOptions").path("dryRun");
    return body.path("serverDryRun").asBoolean(false) || dryRun.isArray() && !dryRun.isEmpty();
  }

  private Object lint(Request r) throws IOException {
    Located<Workflow> wf = decode(r);
    List<Diagnostic> errors = validation.findings(wf).stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw ApiException.invalid(
          errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    }
    return wf.value();
  }

  /**
   * Argo's ListWorkflows: {@link ListQuery}'s filters and paging, newest first, trimmed to {@code
   * fields}; no match is {@code "items": null}, as Argo writes an empty workflow list.
   */
  private Object list(Request r) {
    ListQuery query = ListQuery.parse(r);
    FieldsMask fields = FieldsMask.parse(r.query("fields"));
    ListResult<Workflow> result =
        plane.store().listWithVersion(Workflow.class, query.storeNamespace(), query.labels());
    ListQuery.Page page = query.page(result.items());
    ObjectNode out = Codec.json().createObjectNode();
    ObjectNode meta = out.putObject("metadata");
    meta.put("resourceVersion", result.resourceVersion());
    if (page.continueToken() != null) meta.put("continue", page.continueToken());
    if (page.remainingItemCount() != null) {
      meta.put("remainingItemCount", page.remainingItemCount());
    }
    if (page.items().isEmpty()) out.putNull("items");
    else out.set("items", Codec.tree(page.items()));
    return fields.apply(out);
  }

  static String field(Workflow wf, String name) {
    return switch (name) {
      case "metadata.name" -> wf.metadata().name();
      case "metadata.namespace" -> wf.metadata().namespaceOrDefault();
      case "status.phase" ->
          wf.status() == null || wf.status().phase() == null ? "" : wf.status().phase().label();
      default -> null;
    };
  }

  /** Argo's GetWorkflow, trimmed to {@code fields}. */
  private Object get(Request r) {
    Workflow wf =
        StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
    FieldsMask fields = FieldsMask.parse(r.query("fields"));
    return fields.isEmpty() ? wf : fields.apply(Codec.tree(wf));
  }

  /** The informer tells the Workflow controller, which kills the workflow's pods. */
  private Object delete(Request r) {
    StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
    plane.store().delete(Workflow.class, r.path("namespace"), r.path("name"));
    return Map.of();
  }

  /** Argo's submit: a Workflow made from a (Cluster)WorkflowTemplate or a CronWorkflow. */
  private Object submit(Request r) throws IOException {
    String ns = r.path("namespace");
    JsonNode body = Bodies.parse(r.body());
    // Argo accepts each kind's Kind, singular, plural and short names.
    String kind = body.path("resourceKind").asText("").toLowerCase(Locale.ROOT);
    String name = body.path("resourceName").asText("");
    if (name.isEmpty()) throw ApiException.invalid("resourceName: required");
    JsonNode opts = body.path("submitOptions");
    ObjectNode wf = Codec.json().createObjectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    ObjectNode meta = wf.putObject("metadata");
    meta.put("namespace", ns);
    ObjectNode labels = meta.putObject("labels");
    ObjectNode spec;
    switch (kind) {
      case "workflowtemplate", "workflowtemplates", "wftmpl" -> {
        StoredObjects.get(plane.store(), WorkflowTemplate.class, ns, name);
        labels.put("workflows.argoproj.io/workflow-template", name);
        spec = wf.putObject("spec");
        spec.putObject("workflowTemplateRef").put("name", name);
      }
      case "clusterworkflowtemplate",
          "clusterworkflowtemplates",
          "cwftmpl",
          "clusterwftmpl",
          "cwft" -> {
        StoredObjects.get(plane.store(), ClusterWorkflowTemplate.class, null, name);
        labels.put("workflows.argoproj.io/cluster-workflow-template", name);
        spec = wf.putObject("spec");
        spec.putObject("workflowTemplateRef").put("name", name).put("clusterScope", true);
      }
      case "cronworkflow", "cronworkflows", "cwf", "cronwf" -> {
        CronWorkflow cron = StoredObjects.get(plane.store(), CronWorkflow.class, ns, name);
        labels.put("workflows.argoproj.io/cron-workflow", name);
        spec = wf.putObject("spec");
        if (cron.spec() != null && cron.spec().workflowSpec() != null) {
          spec.setAll((ObjectNode) Codec.tree(cron.spec().workflowSpec()));
        }
      }
      default ->
          throw ApiException.invalid(
              "resourceKind: expected WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow,"
                  + " found \""
                  + body.path("resourceKind").asText("")
                  + "\"");
    }
    applyOptions(opts, name, meta, labels, spec);
    Workflow workflow = Codec.convert(wf, Workflow.class);
    validation.require(new Located<>(workflow, new LocationIndex("submitOptions")));
    if (opts.path("serverDryRun").asBoolean(false) || opts.path("dryRun").asBoolean(false)) {
      return workflow;
    }
    return plane.submit(workflow);
  }

  private static void applyOptions(
      JsonNode opts, String name, ObjectNode meta, ObjectNode labels, ObjectNode spec) {
    if (opts.hasNonNull("name")) meta.put("name", opts.get("name").asText());
    else meta.put("generateName", opts.path("generateName").asText(name + "-"));
    for (String pair : opts.path("labels").asText("").split(",")) {
      if (pair.isBlank()) continue;
      int eq = pair.indexOf('=');
      if (eq <= 0) throw ApiException.invalid("submitOptions.labels: expected k=v, found " + pair);
      labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    for (String pair : opts.path("annotations").asText("").split(",")) {
      if (pair.isBlank()) continue;
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw ApiException.invalid("submitOptions.annotations: expected k=v, found " + pair);
      }
      meta.with("annotations").put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    if (opts.path("ownerReference").isObject()) {
      meta.withArray("ownerReferences").add(opts.get("ownerReference"));
    }
    if (opts.hasNonNull("priority")) spec.set("priority", opts.get("priority"));
    if (opts.hasNonNull("podPriorityClassName")) {
      spec.put("podPriorityClassName", opts.get("podPriorityClassName").asText());
    }
    if (opts.hasNonNull("entryPoint")) spec.put("entrypoint", opts.get("entryPoint").asText());
    if (opts.hasNonNull("serviceAccount")) {
      spec.put("serviceAccountName", opts.get("serviceAccount").asText());
    }
    JsonNode params = opts.path("parameters");
    if (params.isArray() && !params.isEmpty()) {
      ArrayNode list = spec.with("arguments").withArray("parameters");
      for (JsonNode p : params) {
        String text = p.asText();
        int eq = text.indexOf('=');
        if (eq <= 0) {
          throw ApiException.invalid(
              "submitOptions.parameters: expected name=value, found " + text);
        }
        String pname = text.substring(0, eq);
        ObjectNode existing = null;
        for (JsonNode e : list)
          if (pname.equals(e.path("name").asText())) existing = (ObjectNode) e;
        if (existing == null) existing = list.addObject().put("name", pname);
        existing.remove("valueFrom");
        existing.put("value", text.substring(eq + 1));
      }
    }
  }
}
