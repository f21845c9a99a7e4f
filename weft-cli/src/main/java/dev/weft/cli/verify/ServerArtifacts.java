package dev.weft.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.controller.provenance.WorkflowProvenance;
import dev.weft.provenance.statement.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Candidate bytes for {@code weft verify NAME}: each subject's artifact, found by the node and
 * artifact its signed annotations name ({@code weft_node}, {@code weft_artifact}), downloaded from
 * the server at Argo's {@code /artifact-files/...} (the bytes as stored, as they were hashed) and
 * hashed here, never trusting the server's own digest header. The subject {@code
 * workflow/{ns}/{name}}, which a workflow without artifacts has, is the workflow itself as {@link
 * WorkflowProvenance#finalObjectSha256(JsonNode)} hashes it. A file of a directory stored
 * unarchived ({@code weft_file}) cannot be downloaded alone: such subjects are checked with {@code
 * --artifacts}.
 */
public final class ServerArtifacts {
  private final ApiClient api;
  private final String namespace;
  private final String name;
  private final JsonNode workflow;
  private final Map<String, JsonNode> subjects = new HashMap<>();

  /** {@code workflow} as the server returns it; {@code statement} the signed payload. */
  public ServerArtifacts(ApiClient api, JsonNode workflow, JsonNode statement) {
    this.api = api;
    this.workflow = workflow;
    this.namespace = workflow.path("metadata").path("namespace").asText();
    this.name = workflow.path("metadata").path("name").asText();
    for (JsonNode s : statement.path("subject")) subjects.putIfAbsent(s.path("name").asText(), s);
  }

  public Optional<String> sha256(String subject) {
    if (subject.equals("workflow/" + namespace + "/" + name)) {
      return Optional.of(WorkflowProvenance.finalObjectSha256(workflow));
    }
    JsonNode where =
        subjects
            .getOrDefault(subject, com.fasterxml.jackson.databind.node.MissingNode.getInstance())
            .path("annotations");
    String node = where.path("weft_node").asText("");
    String artifact = where.path("weft_artifact").asText("");
    if (node.isEmpty() || artifact.isEmpty() || where.has("weft_file")) return Optional.empty();
    return download(node, artifact);
  }

  private Optional<String> download(String nodeId, String artifact) {
    String path =
        ApiClient.path(
            "/artifact-files", namespace, "workflows", name, nodeId, "outputs", artifact);
    try (InputStream in = api.download(path)) {
      return Optional.of(Sha256.hex(in));
    } catch (ClientException e) {
      if (e.notFound()) return Optional.empty();
      throw e;
    } catch (IOException e) {
      throw ClientException.unreachable(
          "lost the connection to the weft server at " + api.base() + " while reading " + path);
    }
  }
}
