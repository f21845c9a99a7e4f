package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.artifact.ArtifactNotFoundException;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.status.NodeStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Argo Server's artifact download: {@code /artifact-files/{ns}/workflows/{name}/{nodeId}/{inputs|
 * outputs}/{artifact}}, and the older {@code /artifacts/...} (outputs) and {@code
 * /input-artifacts/...}. The bytes are sent as stored (a tar.gz unless the artifact is raw; a
 * directory packed into one), as an attachment, with their SHA-256 in {@code X-Weft-Sha256} (Argo
 * records no digest). These paths are outside {@code /api/}, so the token is checked here.
 *
 * <p>The node and artifact in the path are only looked up in the workflow's status: the key read
 * from there is what names the file, and the store keeps it inside the namespace's bucket.
 */
public final class ArtifactFiles {
  /** Argo's default artifact Content-Security-Policy: nothing a stored page could run. */
  private static final String CSP =
      "sandbox allow-same-origin; base-uri 'none'; default-src 'none'; img-src 'self';"
          + " style-src 'self' 'unsafe-inline'";

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("tgz", "application/gzip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("zip", "application/zip"),
          Map.entry("tar", "application/x-tar"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("log", "text/plain; charset=utf-8"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("yaml", "application/yaml"),
          Map.entry("yml", "application/yaml"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("pdf", "application/pdf"));

  private final ControlPlane plane;
  private final AuthFilter auth;

  public ArtifactFiles(ControlPlane plane, AuthFilter auth) {
    this.plane = plane;
    this.auth = auth;
  }

  public void register(Router router) {
    router
        .add(
            "GET",
            "/artifact-files/{namespace}/workflows/{name}/{nodeId}/{direction}/{artifact}",
            this::download)
        .add("GET", "/artifacts/{namespace}/{name}/{nodeId}/{artifact}", r -> send(r, false))
        .add("GET", "/input-artifacts/{namespace}/{name}/{nodeId}/{artifact}", r -> send(r, true));
  }

  private Object download(Request r) throws IOException {
    return switch (r.path("direction")) {
      case "outputs" -> send(r, false);
      case "inputs" -> send(r, true);
      default ->
          throw ApiException.invalid(
              "expected inputs or outputs after the node id, found \""
                  + r.path("direction")
                  + "\"");
    };
  }

  /**
   * Reads the artifact twice: once for its digest, which has to be in the headers, then to send it.
   * For the local store that is two reads of a file; for S3 two GETs.
   */
  private Object send(Request r, boolean input) throws IOException {
    auth.check(r);
    ArtifactRepository repository = plane.artifacts();
    if (repository == null) {
      throw ApiException.unimplemented(
          "artifact download needs Weft's artifact repository; this server has none");
    }
    String ns = r.path("namespace");
    Workflow wf = StoredObjects.get(plane.store(), Workflow.class, ns, r.path("name"));
    Artifact artifact = find(wf, r.path("nodeId"), r.path("artifact"), input);
    try {
      String sha256;
      try (InputStream in = repository.download(ns, artifact).stream()) {
        sha256 = sha256(in);
      }
      ArtifactRepository.Download download = repository.download(ns, artifact);
      try (InputStream in = download.stream()) {
        String fileName = download.fileName();
        r.responseHeader(
            "Content-Disposition", "attachment; filename=\"" + quoted(fileName) + "\"");
        r.responseHeader("X-Weft-Sha256", sha256);
        r.responseHeader("Content-Security-Policy", CSP);
        r.responseHeader("X-Frame-Options", "SAMEORIGIN");
        try (OutputStream out = r.stream(contentType(fileName))) {
          in.transferTo(out);
        }
      }
    } catch (ArtifactNotFoundException e) {
      throw ApiException.notFound(
          "artifact \"" + artifact.name() + "\" is not stored: " + e.getMessage());
    }
    return null;
  }

  /** The artifact the node's status lists under that name, or 404. */
  private static Artifact find(Workflow wf, String nodeId, String name, boolean input) {
    NodeStatus node = wf.status() == null ? null : wf.status().nodesOrEmpty().get(nodeId);
    if (node == null) {
      throw ApiException.notFound(
          "node \"" + nodeId + "\" not found in workflow \"" + wf.metadata().name() + "\"");
    }
    List<Artifact> artifacts =
        input
            ? node.inputs() == null ? List.of() : node.inputs().artifactsOrEmpty()
            : node.outputs() == null ? List.of() : node.outputs().artifactsOrEmpty();
    return artifacts.stream()
        .filter(a -> name.equals(a.name()))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.notFound(
                    (input ? "input" : "output")
                        + " artifact \""
                        + name
                        + "\" not found in node \""
                        + nodeId
                        + "\""));
  }

  private static String sha256(InputStream in) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
    return HexFormat.of().formatHex(sha.digest());
  }

  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /** A file name safe inside a quoted header value: no quotes, backslashes or control chars. */
  private static String quoted(String fileName) {
    StringBuilder out = new StringBuilder();
    for (char c : fileName.toCharArray())
      out.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == 0x7f ? '_' : c);
    return out.toString();
  }
}
