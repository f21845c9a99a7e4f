package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Argo's Template: a name, inputs and outputs, the pod settings, and exactly one body (see {@link
 * #body()}).
 */
public record Template(
    String name,
    Inputs inputs,
    Outputs outputs,
    Map<String, String> nodeSelector,
    JsonNode affinity,
    TemplateMetadata metadata,
    Boolean daemon,
    List<List<Step>> steps,
    Container container,
    ContainerSetTemplate containerSet,
    Container script,
    JsonNode resource,
    DagTemplate dag,
    SuspendTemplate suspend,
    List<Volume> volumes,
    List<Container> initContainers,
    List<Container> sidecars,
    JsonNode archiveLocation,
    String activeDeadlineSeconds,
    RetryStrategy retryStrategy,
    String parallelism,
    Boolean failFast,
    JsonNode tolerations,
    String schedulerName,
    String priorityClassName,
    Integer priority,
    String serviceAccountName,
    Boolean automountServiceAccountToken,
    JsonNode executor,
    JsonNode hostAliases,
    JsonNode securityContext,
    String podSpecPatch,
    JsonNode metrics,
    Synchronization synchronization,
    Memoize memoize,
    String timeout,
    JsonNode data,
    JsonNode http,
    JsonNode plugin,
    Map<String, String> annotations,
    JsonNode podResources,
    JsonNode resourceClaims) {

  /** The closed set of template kinds; exactly one is set on a valid template. */
  public sealed interface Body {}

  public record ContainerBody(Container container) implements Body {}

  public record ScriptBody(Container script) implements Body {}

  public record StepsBody(List<List<Step>> groups) implements Body {}

  public record DagBody(DagTemplate dag) implements Body {}

  public record SuspendBody(SuspendTemplate suspend) implements Body {}

  public record ContainerSetBody(ContainerSetTemplate containerSet) implements Body {}

  /** resource, data, http and plugin templates: accepted by the schema, not run locally. */
  public record UnsupportedBody(String kind) implements Body {}

  /** A template with no body: an error Argo reports as "template ... type is unknown". */
  public record NoBody() implements Body {}

  public Body body() {
    if (container != null) return new ContainerBody(container);
    if (script != null) return new ScriptBody(script);
    if (steps != null) return new StepsBody(steps);
    if (dag != null) return new DagBody(dag);
    if (suspend != null) return new SuspendBody(suspend);
    if (containerSet != null) return new ContainerSetBody(containerSet);
    if (resource != null) return new UnsupportedBody("resource");
    if (data != null) return new UnsupportedBody("data");
    if (http != null) return new UnsupportedBody("http");
    if (plugin != null) return new UnsupportedBody("plugin");
    return new NoBody();
  }

  /** How many bodies are set; more than one is an error. */
  public int bodyCount() {
    int n = 0;
    for (Object o :
        new Object[] {
          container, script, steps, dag, suspend, containerSet, resource, data, http, plugin
        }) {
      if (o != null) n++;
    }
    return n;
  }

  public Inputs inputsOrEmpty() {
    return inputs == null ? new Inputs(List.of(), List.of()) : inputs;
  }

  public Outputs outputsOrEmpty() {
    return outputs == null ? new Outputs(List.of(), List.of(), null, null) : outputs;
  }

  public List<Volume> volumesOrEmpty() {
    return volumes == null ? List.of() : volumes;
  }

  public List<Container> initContainersOrEmpty() {
    return initContainers == null ? List.of() : initContainers;
  }

  public List<Container> sidecarsOrEmpty() {
    return sidecars == null ? List.of() : sidecars;
  }
}
