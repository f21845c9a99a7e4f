package dev.weft.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.controller.provenance.ProvenanceAnnotations;
import dev.weft.provenance.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Candidate bytes for {@code weft verify NAME}: each subject's artifact ({@link ArtifactIndex}),
 * downloaded from the server at Argo's {@code /artifact-files/...} (the bytes as stored, as they
 * were hashed) and hashed here, never trusting the server's own digest header. The subject {@code
 * workflow/{ns}/{name}}, which a workflow without artifacts has, is the workflow itself in {@link
 * CanonicalJson}, without the annotations signing adds after it.
 */
public final class ServerArtifacts {
  /** Written after the statement is made, so not part of what it attests. */
  private static final Set<String> SIGNING_ANNOTATIONS =
      Set.of(
          ProvenanceAnnotations.SIGNED,
          ProvenanceAnnotations.ATTESTATION_SHA256,
          ProvenanceAnnotations.SIGNING_ERROR);

  private final ApiClient api;
  private final String namespace;
  private final String name;
  private final JsonNode workflow;
  private final ArtifactIndex index;

  /** {@code workflow} as the server returns it. */
  public ServerArtifacts(ApiClient api, JsonNode workflow) {
    this.api = api;
    this.workflow = workflow;
    this.namespace = workflow.path("metadata").path("namespace").asText();
    this.name = workflow.path("metadata").path("name").asText();
    this.index = new ArtifactIndex(workflow);
  }

  public Optional<String> sha256(String subject) {
    if (subject.equals("workflow/" + namespace + "/" + name)) {
      return Optional.of(CanonicalJson.sha256(withoutSigningAnnotations()));
    }
    return index.locate(subject).flatMap(this::download);
  }

  private Optional<String> download(ArtifactIndex.Output o) {
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
}
