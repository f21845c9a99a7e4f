package dev.weft.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.provenance.CanonicalJson;
import java.util.Optional;

/**
 * {@code weft verify --templates}: a resolved dependency {@code weft:workflowtemplates/{ns}/{name}}
 * or {@code weft:clusterworkflowtemplates/{name}} is the template as the server has it now, hashed
 * in {@link CanonicalJson}, the form it was attested in.
 */
public final class TemplateDigests {
  static final String NAMESPACED = "weft:workflowtemplates/";
  static final String CLUSTER = "weft:clusterworkflowtemplates/";

  private final ApiClient api;

  public TemplateDigests(ApiClient api) {
    this.api = api;
  }

  /** Whether a resolved dependency is a template this checks. */
  public static boolean isTemplate(String uri) {
    return uri.startsWith(NAMESPACED) || uri.startsWith(CLUSTER);
  }

  public Optional<String> sha256(String uri) {
    String path;
    if (uri.startsWith(NAMESPACED)) {
      String[] parts = uri.substring(NAMESPACED.length()).split("/", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) return Optional.empty();
      path = ApiClient.path("/api/v1/workflow-templates", parts[0], parts[1]);
    } else {
      String name = uri.substring(CLUSTER.length());
      if (name.isEmpty() || name.contains("/")) return Optional.empty();
      path = ApiClient.path("/api/v1/cluster-workflow-templates", name);
    }
    JsonNode template;
    try {
      template = api.get(path);
    } catch (ClientException e) {
      if (e.notFound()) return Optional.empty();
      throw e;
    }
    return Optional.of(CanonicalJson.sha256(template));
  }
}
