package dev.weft.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a subject's artifact is in a workflow's status. A subject {@code
 * {ns}/{workflow}/{node}/{artifact}} is the output artifact {@code artifact} of the one node whose
 * id, name ({@code wf[0].produce}), display name ({@code produce}), or path of display names from
 * the root ({@code wf/[0]/produce}) is {@code node}; a name that fits no node, or several, locates
 * nothing.
 */
final class ArtifactIndex {
  /** An output artifact of a node, with every name the node is known by. */
  record Output(String nodeId, String artifact, List<String> nodeNames) {}

  private final String prefix;
  private final List<Output> outputs;

  ArtifactIndex(JsonNode workflow) {
    JsonNode meta = workflow.path("metadata");
    this.prefix = meta.path("namespace").asText() + "/" + meta.path("name").asText() + "/";
    this.outputs = outputs(workflow.path("status").path("nodes"));
  }

  Optional<Output> locate(String subject) {
    int slash = subject.lastIndexOf('/');
    if (!subject.startsWith(prefix) || slash < prefix.length()) return Optional.empty();
    String node = subject.substring(prefix.length(), slash);
    String artifact = subject.substring(slash + 1);
    List<Output> found =
        outputs.stream()
            .filter(o -> o.artifact().equals(artifact) && o.nodeNames().contains(node))
            .toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

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
    // bounded by the node count: a status whose children loop cannot hang this
    for (String at = id; at != null && path.size() <= nodes.size(); at = parents.get(at)) {
      JsonNode node = nodes.path(at);
      path.add(0, node.path("displayName").asText(node.path("name").asText(at)));
    }
    return String.join("/", path);
  }
}
