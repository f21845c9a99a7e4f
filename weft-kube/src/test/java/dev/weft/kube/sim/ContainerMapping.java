package dev.weft.kube.sim;

import static dev.weft.kube.sim.PodEnvironment.list;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.Capabilities;
import dev.weft.executor.ContainerSecurity;
import dev.weft.executor.ContainerSpec;
import dev.weft.executor.Mount;
import dev.weft.executor.Resources;
import dev.weft.model.security.SecurityContextRules;
import dev.weft.model.security.SecurityContextRules.Kind;
import dev.weft.model.security.SecurityContextRules.Violation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One Pod container as the executor runs it: command and args with {@code $(VAR)} expanded, env,
 * working directory, volume mounts, image layers, the mock's kubeconfig, limits and security.
 * Security is mapped as weft-controller's PodSecurity maps it, with one difference: Pod Security
 * Baseline is admission's business, not the kubelet's, so only what the sandbox cannot honour is
 * refused. {@code allowPrivilegeEscalation} needs no mapping: every container runs with
 * no_new_privs, which is what {@code false} asks for, and {@code true} is not honoured.
 */
final class ContainerMapping {
  /** Where every container finds the kubeconfig of the mock (see {@link SimulatedKubelet}). */
  static final String KUBECONFIG_DIR = "/var/run/weft-sim/kube";

  static final String KUBECONFIG = KUBECONFIG_DIR + "/config";

  private final List<ImageLayer> layers;

  ContainerMapping(List<ImageLayer> layers) {
    this.layers = layers;
  }

  ContainerSpec map(
      Pod pod,
      Container c,
      Map<String, String> podEnv,
      Map<String, VolumeFiles.HostVolume> volumes,
      Path kubeconfigDir)
      throws KubeletException {
    Map<String, String> env = new LinkedHashMap<>();
    List<Mount> mounts = new ArrayList<>();
    // A real kubelet gives an in-cluster service-account token instead; a kubeconfig is what
    // fabric8's and client-go's auto-configuration read first, so clients in pods find the mock.
    env.put("KUBECONFIG", KUBECONFIG);
    mounts.add(new Mount(kubeconfigDir, KUBECONFIG_DIR, true, true));
    for (ImageLayer layer : layers) {
      if (!layer.matches(c.getImage())) continue;
      env.putAll(layer.env());
      mounts.add(new Mount(layer.hostDir(), layer.containerPath(), true, false));
    }
    env.putAll(podEnv);
    for (VolumeMount vm : list(c.getVolumeMounts())) {
      VolumeFiles.HostVolume v = volumes.get(vm.getName());
      if (v == null) {
        throw KubeletException.config(
            "container " + c.getName() + " mounts volume \"" + vm.getName() + "\", not defined");
      }
      String subPath = vm.getSubPath() != null ? vm.getSubPath() : "";
      if (vm.getSubPathExpr() != null) subPath = PodEnvironment.expand(vm.getSubPathExpr(), env);
      boolean readOnly = v.alwaysReadOnly() || Boolean.TRUE.equals(vm.getReadOnly());
      try {
        mounts.add(new Mount(v.dir(), subPath, vm.getMountPath(), readOnly, true));
      } catch (IllegalArgumentException e) {
        throw KubeletException.config(e.getMessage());
      }
    }
    try {
      return new ContainerSpec(
          c.getName(),
          c.getImage(),
          PodEnvironment.expandAll(c.getCommand(), env),
          PodEnvironment.expandAll(c.getArgs(), env),
          Optional.empty(),
          env,
          Optional.ofNullable(c.getWorkingDir()).filter(s -> !s.isEmpty()),
          mounts,
          List.of(),
          limits(c),
          List.of(),
          security(pod, c));
    } catch (IllegalArgumentException e) {
      throw KubeletException.config(e.getMessage());
    }
  }

  static Resources limits(Container c) {
    Map<String, Quantity> l = c.getResources() == null ? null : c.getResources().getLimits();
    if (l == null) return Resources.NONE;
    OptionalLong memory =
        l.containsKey("memory")
            ? OptionalLong.of(l.get("memory").getNumericalAmount().longValue())
            : OptionalLong.empty();
    OptionalLong cpu =
        l.containsKey("cpu")
            ? OptionalLong.of(
                l.get("cpu").getNumericalAmount().multiply(BigDecimal.valueOf(1000)).longValue())
            : OptionalLong.empty();
    return new Resources(memory, cpu);
  }

  static ContainerSecurity security(Pod pod, Container c) throws KubeletException {
    JsonNode podCtx = tree(pod.getSpec().getSecurityContext());
    JsonNode ctx = tree(c.getSecurityContext());
    List<Violation> refused = new ArrayList<>(SecurityContextRules.pod(podCtx));
    refused.addAll(SecurityContextRules.container(ctx));
    for (Violation v : refused) {
      if (v.kind() == Kind.UNSUPPORTED) {
        throw KubeletException.config("securityContext" + v.pointer() + ": " + v.message());
      }
    }
    var nonRoot = SecurityContextRules.runAsNonRootViolation(podCtx, ctx);
    if (nonRoot.isPresent()) throw KubeletException.config(nonRoot.get());
    long uid = SecurityContextRules.field(podCtx, ctx, "runAsUser").asLong(0);
    long gid = SecurityContextRules.field(podCtx, ctx, "runAsGroup").asLong(0);
    Set<Long> groups = new LinkedHashSet<>();
    if (podCtx != null) {
      for (JsonNode g : podCtx.path("supplementalGroups")) groups.add(g.asLong());
      if (podCtx.hasNonNull("fsGroup")) groups.add(podCtx.get("fsGroup").asLong());
    }
    JsonNode caps = ctx == null ? null : ctx.path("capabilities");
    Set<String> capabilities = Capabilities.effective(texts(caps, "add"), texts(caps, "drop"));
    String seccomp =
        SecurityContextRules.field(podCtx, ctx, "seccompProfile").path("type").asText("");
    try {
      return new ContainerSecurity(
          uid,
          gid,
          List.copyOf(groups),
          capabilities,
          ctx != null && ctx.path("readOnlyRootFilesystem").asBoolean(false),
          ctx != null && ctx.path("privileged").asBoolean(false),
          seccomp.equals("Unconfined"));
    } catch (IllegalArgumentException e) {
      throw KubeletException.config(e.getMessage());
    }
  }

  private static JsonNode tree(Object securityContext) {
    return securityContext == null ? null : Serialization.jsonMapper().valueToTree(securityContext);
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    if (node != null) for (JsonNode n : node.path(field)) out.add(n.asText());
    return out;
  }
}
