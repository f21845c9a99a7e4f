package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What `argo node set` and `argo resume` do without a server: edit the Workflow itself. Running
 * Suspend nodes get the values they ask for and end Succeeded; spec.suspend is cleared. One merge
 * patch carrying the resourceVersion read, so a concurrent write makes it a conflict, not a loss.
 */
final class ArgoCliResume {
  private ArgoCliResume() {}

  static boolean resume(Resource<GenericKubernetesResource> wf, JsonNode tree) {
    ObjectNode patch = Codec.json().createObjectNode();
    patch
        .putObject("metadata")
        .put("resourceVersion", tree.path("metadata").path("resourceVersion").asText());
    boolean any = false;
    if (tree.path("spec").path("suspend").asBoolean(false)) {
      patch.putObject("spec").putNull("suspend");
      any = true;
    }
    for (JsonNode n : tree.path("status").path("nodes")) {
      if (!"Suspend".equals(n.path("type").asText())
          || !"Running".equals(n.path("phase").asText())) {
        continue;
      }
      ObjectNode edit =
          patch.withObject("status").withObject("nodes").putObject(n.path("id").asText());
      edit.put("phase", "Succeeded");
      edit.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      // `argo node set --output-parameter approve=YES ...`: the values the suspend asks for
      var values = Codec.json().createArrayNode();
      values.addObject().put("name", "approve").put("value", "YES");
      values.addObject().put("name", "message").put("value", "approved by the test");
      edit.putObject("outputs").set("parameters", values);
      any = true;
    }
    if (!any) return false;
    try {
      wf.patch(PatchContext.of(PatchType.JSON_MERGE), Codec.toJson(patch));
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) return false; // the controller wrote first: read and try again
      throw e;
    }
  }
}
