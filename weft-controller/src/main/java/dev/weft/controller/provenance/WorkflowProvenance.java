package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.executor.ImageProfiles;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.provenance.CanonicalJson;
import dev.weft.provenance.statement.BuildDefinition;
import dev.weft.provenance.statement.ResourceDescriptor;
import dev.weft.provenance.statement.RunDetails;
import dev.weft.provenance.statement.Sha256;
import dev.weft.provenance.statement.Statement;
import dev.weft.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-toto statement (SLSA v1 provenance) of a completed workflow; the schema is documented with
 * the build type {@value #BUILD_TYPE}. It gathers the facts (stored artifact bytes, logs,
 * templates, ConfigMaps, Secrets' versions, host programs) and {@link Statement} writes them. The
 * same completed workflow with the same bytes always gives the same statement bytes: nothing of the
 * moment of signing (no clock, no map order) reaches it.
 */
public final class WorkflowProvenance implements ProvenanceSource {
  public static final String BUILD_TYPE = "https://weft.dev/provenance/workflow/v1";

  private final Store store;
  private final ArtifactRepository artifacts;
  private final NodeLogs logs;
  private final ImageProfiles profiles;
  private final String weftVersion;
  private final BuilderIdentity builder;

  /**
   * @param artifacts where output artifacts are stored (null: no repository; then the workflow's
   *     final object is the only subject)
   * @param logs each node's whole log ({@link NodeLogs#of}, or {@link NodeLogs#none})
   * @param profiles the image profiles local steps ran under; null where real images ran (on a
   *     cluster), which leaves out imageProfiles and host programs
   * @param weftVersion Weft's version, as {@code weft --version} prints it without "weft "
   */
  public WorkflowProvenance(
      Store store,
      ArtifactRepository artifacts,
      NodeLogs logs,
      ImageProfiles profiles,
      String weftVersion,
      BuilderIdentity builder) {
    this.store = store;
    this.artifacts = artifacts;
    this.logs = logs;
    this.profiles = profiles;
    this.weftVersion = weftVersion;
    this.builder = builder;
  }

  @Override
  public byte[] statement(Workflow wf) throws IOException {
    if (!wf.completed()) {
      throw new IllegalArgumentException("workflow " + wf.name() + " has not completed");
    }
    String ns = wf.metadata().namespaceOrDefault();
    DisplayPaths paths = new DisplayPaths(wf.status().nodesOrEmpty());
    StoredArtifacts stored = new StoredArtifacts(artifacts, ns);
    List<ResourceDescriptor> subjects =
        artifacts == null ? List.of() : OutputSubjects.of(wf, paths, stored);
    if (subjects.isEmpty()) {
      subjects =
          List.of(
              ResourceDescriptor.sha256("workflow/" + ns + "/" + wf.name(), finalObjectSha256(wf)));
    }
    TemplatesUsed templates = new TemplatesUsed(wf, store);
    HostExecutables hosts = profiles == null ? null : new HostExecutables(profiles);
    List<ResourceDescriptor> dependencies = new ArrayList<>(templates.dependencies());
    List<WorkflowSpec> specs = new ArrayList<>(List.of(wf.spec()));
    specs.addAll(templates.specs());
    dependencies.addAll(new ObjectRefs(specs).dependencies(store, ns));
    dependencies.addAll(ExternalInputs.of(wf, stored));
    if (hosts != null) {
      for (NodeStatus n : wf.status().nodesOrEmpty().values()) {
        if (n.type() == NodeType.Pod) templates.templateOf(n).ifPresent(hosts::add);
      }
      dependencies.addAll(hosts.dependencies());
    }
    BuildDefinition definition =
        new BuildDefinition(BUILD_TYPE, external(wf, templates), internal(hosts), dependencies);
    TreeMap<String, String> version = new TreeMap<>();
    version.put("weft", weftVersion);
    version.put("java", Runtime.version().toString());
    RunDetails run =
        new RunDetails(
            builder.id(),
            version,
            wf.metadata().uid(),
            wf.status().startedAt(),
            wf.status().finishedAt(),
            byproducts(wf, paths));
    return new Statement(subjects, definition, run).toJson();
  }

  private static ObjectNode external(Workflow wf, TemplatesUsed templates) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("namespace", wf.metadata().namespaceOrDefault());
    p.put("name", wf.name());
    String entrypoint = wf.spec().entrypoint();
    if (entrypoint == null)
      entrypoint = templates.topSpec().map(WorkflowSpec::entrypoint).orElse(null);
    if (entrypoint != null) p.put("entrypoint", entrypoint);
    ObjectNode arguments = p.putObject("arguments");
    var parameters = arguments.putArray("parameters");
    for (Parameter a : wf.spec().argumentsOrEmpty().parametersOrEmpty()) {
      ObjectNode one = parameters.addObject().put("name", a.name());
      if (a.value() != null) one.put("value", a.value());
      else if (a.valueFrom() != null) one.set("valueFrom", Codec.tree(a.valueFrom()));
    }
    var artifactNames = arguments.putArray("artifacts");
    for (Artifact a : wf.spec().argumentsOrEmpty().artifactsOrEmpty()) artifactNames.add(a.name());
    if (wf.spec().workflowTemplateRef() != null) {
      p.set("workflowTemplateRef", Codec.tree(wf.spec().workflowTemplateRef()));
    }
    Trigger trigger = Trigger.of(wf.metadata());
    p.put("trigger", trigger.kind());
    p.setAll(trigger.details());
    p.put("specSha256", CanonicalJson.sha256(Codec.tree(wf.spec())));
    return p;
  }

  private ObjectNode internal(HostExecutables hosts) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("weftVersion", weftVersion);
    p.put("executor", builder.confinement());
    p.put("surface", builder.surface());
    if (hosts != null) p.set("imageProfiles", hosts.profiles());
    return p;
  }

  /** Each pod node's log (where still readable), the workflow's output parameters, its phase. */
  private List<ResourceDescriptor> byproducts(Workflow wf, DisplayPaths paths) throws IOException {
    List<ResourceDescriptor> out = new ArrayList<>();
    List<NodeStatus> pods = new ArrayList<>();
    for (NodeStatus n : wf.status().nodesOrEmpty().values()) {
      if (n.type() == NodeType.Pod && n.podName() != null) pods.add(n);
    }
    pods.sort(
        Comparator.comparing((NodeStatus n) -> paths.of(n.id())).thenComparing(NodeStatus::id));
    Set<String> names = new HashSet<>();
    for (NodeStatus n : pods) {
      Optional<InputStream> log = logs.open(wf, n.podName());
      if (log.isEmpty()) continue;
      String sha;
      try (InputStream in = log.get()) {
        sha = Sha256.hex(in);
      }
      String name = "nodes/" + paths.of(n.id()) + "/log";
      for (int i = 2; !names.add(name); i++) name = "nodes/" + paths.of(n.id()) + "~" + i + "/log";
      out.add(ResourceDescriptor.sha256(name, sha));
    }
    var outputs = wf.status().outputs();
    if (outputs != null && !outputs.parametersOrEmpty().isEmpty()) {
      var list = JsonNodeFactory.instance.arrayNode();
      for (Parameter p : outputs.parametersOrEmpty()) {
        ObjectNode one = list.addObject().put("name", p.name());
        if (p.value() != null) one.put("value", p.value());
      }
      out.add(
          ResourceDescriptor.inline(
              "outputs/parameters", "application/json", CanonicalJson.bytes(list)));
    }
    out.add(
        ResourceDescriptor.inline(
            "weft_phase",
            "text/plain; charset=utf-8",
            wf.status().phase().label().getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  /**
   * The sha256 of a workflow's final object, the subject of a workflow without output artifacts:
   * the object as the API returns it in canonical JSON, without {@link
   * CanonicalJson#VOLATILE_METADATA} and the signing annotations.
   */
  public static String finalObjectSha256(Workflow wf) {
    return finalObjectSha256(Codec.tree(wf));
  }

  /** {@link #finalObjectSha256(Workflow)} of the workflow as JSON (as the API returns it). */
  public static String finalObjectSha256(JsonNode workflow) {
    JsonNode tree = workflow.deepCopy();
    if (tree.path("metadata").get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(ProvenanceAnnotations.VERDICT); // written after the statement
      if (annotations.isEmpty()) ((ObjectNode) tree.get("metadata")).remove("annotations");
    }
    return CanonicalJson.sha256(tree);
  }
}
