package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.status.NodeStatus;
import dev.weft.provenance.statement.ResourceDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Input artifacts that came from outside the run: those its nodes read (and the workflow's
 * arguments) that no node of it produced. A repository key is described by the sha256 of its stored
 * bytes; an http, git or other remote location by its URI only, since the controller never fetched
 * those bytes itself (a git revision that is a full commit id is its {@code gitCommit} digest).
 * Credentials in a URL's user-info are never written. Raw artifacts are part of the spec and so of
 * {@code specSha256}.
 */
final class ExternalInputs {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private ExternalInputs() {}

  static List<ResourceDescriptor> of(Workflow wf, StoredArtifacts stored) throws IOException {
    String ns = wf.metadata().namespaceOrDefault();
    Set<String> produced = new HashSet<>();
    List<Artifact> inputs = new ArrayList<>(wf.spec().argumentsOrEmpty().artifactsOrEmpty());
    for (NodeStatus n : wf.status().nodesOrEmpty().values()) {
      if (n.outputs() != null) {
        n.outputs()
            .artifactsOrEmpty()
            .forEach(a -> StoredArtifacts.location(a).ifPresent(produced::add));
      }
      if (n.inputs() != null) inputs.addAll(n.inputs().artifactsOrEmpty());
    }
    List<ResourceDescriptor> out = new ArrayList<>();
    for (Artifact a : inputs) {
      if (a.raw() != null) continue;
      Optional<String> location = StoredArtifacts.location(a);
      if (location.isEmpty()) {
        remote(a).ifPresent(out::add);
      } else if (!produced.contains(location.get())) {
        out.addAll(inRepository(ns, a, stored));
      }
    }
    return out;
  }

  /** A repository key by each stored file's sha256 (one file unless a directory was stored). */
  private static List<ResourceDescriptor> inRepository(
      String ns, Artifact a, StoredArtifacts stored) throws IOException {
    String uri = StoredArtifacts.uri(ns, a);
    Optional<Map<String, String>> files = stored.digests(a);
    if (files.isEmpty()) {
      // missing: nothing is stored under the key any more; unread: no repository is configured here
      String why = stored.readable() ? "missing" : "unread";
      return List.of(ResourceDescriptor.at(uri, Map.of(), Map.of("weft_source", why)));
    }
    List<ResourceDescriptor> out = new ArrayList<>();
    files
        .get()
        .forEach(
            (path, sha) ->
                out.add(
                    ResourceDescriptor.at(
                        path.isEmpty() ? uri : uri + "/" + path, Map.of("sha256", sha), Map.of())));
    return out;
  }

  private static Optional<ResourceDescriptor> remote(Artifact a) {
    if (a.http() != null) return at(text(a.http(), "url"), Map.of());
    if (a.git() != null) {
      String revision = text(a.git(), "revision");
      String repo = PublicUrl.of(text(a.git(), "repo"));
      if (repo == null) return Optional.empty();
      Map<String, String> digest =
          revision != null && COMMIT.matcher(revision).matches()
              ? Map.of("gitCommit", revision)
              : Map.of();
      return at("git+" + repo + (revision == null ? "" : "@" + revision), digest);
    }
    if (a.artifactory() != null) return at(text(a.artifactory(), "url"), Map.of());
    if (a.gcs() != null) return at(bucketUri("gs", a.gcs(), "key"), Map.of());
    if (a.oss() != null) return at(bucketUri("oss", a.oss(), "key"), Map.of());
    if (a.azure() != null) {
      return at(
          text(a.azure(), "endpoint") == null
              ? null
              : PublicUrl.of(text(a.azure(), "endpoint"))
                  + "/"
                  + text(a.azure(), "container")
                  + "/"
                  + text(a.azure(), "blob"),
          Map.of());
    }
    if (a.hdfs() != null && text(a.hdfs(), "path") != null)
      return at("hdfs://" + text(a.hdfs(), "path"), Map.of());
    return Optional.empty();
  }

  private static Optional<ResourceDescriptor> at(String uri, Map<String, String> digest) {
    if (uri == null || uri.contains("{{")) return Optional.empty();
    return Optional.of(ResourceDescriptor.at(PublicUrl.of(uri), digest, Map.of()));
  }

  private static String bucketUri(String scheme, JsonNode loc, String keyField) {
    String bucket = text(loc, "bucket");
    String key = text(loc, keyField);
    return bucket == null || key == null ? null : scheme + "://" + bucket + "/" + key;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
