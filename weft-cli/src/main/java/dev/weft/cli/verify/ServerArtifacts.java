package dev.weft.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.controller.provenance.ProvenanceAnnotations;
import dev.weft.provenance.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Candidate bytes for {@code weft verify NAME}: each subject's artifact, downloaded from the server
 * at Argo's {@code /artifact-files/...} (the bytes as stored, as they were hashed) and hashed here,
 * never trusting the server's own digest header.
 *
 * <p>A subject {@code {ns}/{workflow}/{node}/{artifact}} is the output artifact {@code artifact} of
 * the node whose id, name ({@code wf.step[0].x}), display name, or path of display names from the
 * root ({@code wf/step/x}) is {@code node}. The subject {@code workflow/{ns}/{name}}, which a
 * workflow without artifacts has, is the workflow itself in {@link CanonicalJson}, without the
 * annotations signing adds after it.
 */
public final class ServerArtifacts {
  /** Written after the statement is made, so not part of what it attests. */
  private static final Set<String> SIGNING_ANNOTATIONS =
      Set.of(
          ProvenanceAnnotations.SIGNED,
          ProvenanceAnnotations.ATTESTATION_SHA256,
          ProvenanceAnnotations.SIGNING_ERROR);

  private record Output(String nodeId, String artifact, List<String> nodeNames) {}

  private final ApiClient api;
  private final String namespace;
  private final String name;
  private final JsonNode workflow;
  private final List<Output> outputs;

  /** {@code workflow} as the server returns it. */
  public ServerArtifacts(ApiClient api, JsonNode workflow) {
    this.api = api;
    this.workflow = workflow;
    this.namespace = workflow.path("metadata").path("namespace").asText();
    this.name = workflow.path("metadata").path("name").asText();
    this.outputs = outputs(workflow.path("status").path("nodes"));
  }

  public Optional<String> sha256(String subject) {
    if (subject.equals("workflow/" + namespace + "/" + name)) {
      return Optional.of(CanonicalJson.sha256(withoutSigningAnnotations()));
    }
    String prefix = namespace + "/" + name + "/";
    int slash = subject.lastIndexOf('/');
    if (!subject.startsWith(prefix) || slash < prefix.length()) return Optional.empty();
    String node = subject.substring(prefix.length(), slash);
    String artifact = subject.substring(slash + 1);
    List<Output> found =
        outputs.stream()
            .filter(o -> o.artifact().equals(artifact) && o.nodeNames().contains(node))
            .toList();
    if (found.size() != 1) return Optional.empty();
    return download(found.get(0));
  }

  private Optional<String> download(Output o) {
    String path =
        ApiClient.path(
            "/artifact-files", namespace, "workflows", name, o.nodeId(), "outputs", o.artifact());
    try (InputStream in = api.download(path)) {
      return Optional.of(Sha256.of(in));
    } catch (ClientException e) {
      if (e.notFound()) return Optional.empty();
      throw e;
    } catch (IOException e) {
      throw ClientException.unreachable(
          "lost the connection to the weft server at " + api.base() + " while reading " + path);
    }
  }

  private JsonNode withoutSigningAnnotations() {
    JsonNode copy = workflow.deepCopy();
    if (copy.path("metadata").get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(SIGNING_ANNOTATIONS);
      if (annotations.isEmpty()) ((ObjectNode) copy.get("metadata")).remove("annotations");
    }
    return copy;
  }

  /** Every node's output artifacts, with every name the node is known by. */
  private static List<Output> outputs(JsonNode nodes) {
    Map<String, String> parents = new HashMap<>();
    for (JsonNode node : nodes) {
      for (JsonNode child : node.path("children")) {
        parents.putIfAbsent(child.asText(), node.path("id").asText());
      }
    }
    List<Output> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode node = entry.getValue();
      String id = node.path("id").asText(entry.getKey());
      List<String> names = new ArrayList<>();
      names.add(id);
      if (node.hasNonNull("name")) names.add(node.get("name").asText());
      if (node.hasNonNull("displayName")) names.add(node.get("displayName").asText());
      names.add(displayPath(id, nodes, parents));
      for (JsonNode artifact : node.path("outputs").path("artifacts")) {
        out.add(new Output(id, artifact.path("name").asText(), List.copyOf(names)));
      }
    }
    return out;
  }

  /** The display names from the root down to the node, joined by {@code /}. */
  private static String displayPath(String id, JsonNode nodes, Map<String, String> parents) {
    List<String> path = new ArrayList<>();
    for (String at = id; at != null && path.size() <= nodes.size(); at = parents.get(at)) {
      JsonNode node = nodes.path(at);
      path.add(0, node.path("displayName").asText(node.path("name").asText(at)));
    }
    return String.join("/", path);
  }
}
