package dev.weft.controller.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.Capabilities;
import dev.weft.executor.ContainerSecurity;
import dev.weft.model.security.SecurityContextRules;
import dev.weft.model.security.SecurityContextRules.Kind;
import dev.weft.model.security.SecurityContextRules.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's {@link ContainerSecurity} from its pod's and its own {@code securityContext},
 * merged as Kubernetes merges them (the container's setting wins). Settings Pod Security Baseline
 * refuses run only when the operator allowed privileged pods; settings the sandbox cannot honour
 * never run.
 */
final class PodSecurity {
  private final boolean allowPrivileged;

  PodSecurity(boolean allowPrivileged) {
    this.allowPrivileged = allowPrivileged;
  }

  /**
   * The security of container {@code name}; {@code pod} is the template's securityContext, else the
   * workflow's.
   *
   * @throws IOException naming the setting and why, when the container must not run
   */
  ContainerSecurity of(String name, JsonNode pod, JsonNode container) throws IOException {
    refuse(name, "securityContext", SecurityContextRules.pod(pod));
    refuse(
        name,
        "containers[" + name + "].securityContext",
        SecurityContextRules.container(container));
    var nonRoot = SecurityContextRules.runAsNonRootViolation(pod, container);
    if (nonRoot.isPresent()) throw new IOException("container " + name + ": " + nonRoot.get());
    long uid = SecurityContextRules.field(pod, container, "runAsUser").asLong(0);
    long gid = SecurityContextRules.field(pod, container, "runAsGroup").asLong(0);
    Set<Long> groups = new LinkedHashSet<>();
    if (pod != null) {
      for (JsonNode g : pod.path("supplementalGroups")) groups.add(g.asLong());
      if (pod.hasNonNull("fsGroup")) groups.add(pod.get("fsGroup").asLong());
    }
    JsonNode caps = container == null ? null : container.path("capabilities");
    Set<String> capabilities = Capabilities.effective(texts(caps, "add"), texts(caps, "drop"));
    boolean readOnly =
        container != null && container.path("readOnlyRootFilesystem").asBoolean(false);
    boolean privileged = container != null && container.path("privileged").asBoolean(false);
    String seccomp =
        SecurityContextRules.field(pod, container, "seccompProfile").path("type").asText("");
    return new ContainerSecurity(
        uid,
        gid,
        List.copyOf(groups),
        capabilities,
        readOnly,
        privileged,
        seccomp.equals("Unconfined"));
  }

  private void refuse(String container, String where, List<Violation> violations)
      throws IOException {
    for (Violation v : violations) {
      if (v.kind() == Kind.BASELINE && allowPrivileged) continue;
      String field = where + v.pointer().replace('/', '.');
      String hint =
          v.kind() == Kind.BASELINE
              ? "; the operator can allow it with --allow-privileged (weft run or weft server)"
              : "";
      throw new IOException(
          "container " + container + " not run: " + field + ": " + v.message() + hint);
    }
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    if (node != null) for (JsonNode n : node.path(field)) out.add(n.asText());
    return out;
  }
}
