package dev.weft.kube.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Assertions shared by the plain manifests' tests and the Helm chart's. */
final class Checks {
  private Checks() {}

  static final Set<String> CONTROLLER_FLAGS =
      Set.of(
          "--namespaced",
          "--managed-namespace",
          "--instance-id",
          "--executor-image",
          "--configmap",
          "--workflow-workers",
          "--qps",
          "--burst");
  static final Set<String> SERVER_FLAGS = Set.of("--kube", "--bind", "--port");
  static final Set<String> CONTROLLER_ENV =
      Set.of("LEADER_ELECTION_IDENTITY", "LEADER_ELECTION_DISABLE");

  static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
    List<T> found =
        ofKind(objects, kind).stream().filter(o -> o.getMetadata().getName().equals(name)).toList();
    assertThat(found).as("%s %s", kind.getSimpleName(), name).hasSize(1);
    return found.get(0);
  }

  /** The one Role or ClusterRole with this name. */
  static List<PolicyRule> rulesOf(List<HasMetadata> objects, String name) {
    List<List<PolicyRule>> found = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (!o.getMetadata().getName().equals(name)) {
        continue;
      }
      if (o instanceof Role r) {
        found.add(r.getRules());
      } else if (o instanceof ClusterRole r) {
        found.add(r.getRules());
      }
    }
    assertThat(found).as("roles named %s", name).hasSize(1);
    return found.get(0);
  }

  static void assertNoExecNorWildcards(List<PolicyRule> rules) {
    assertThat(rules).isNotEmpty();
    for (PolicyRule rule : rules) {
      assertThat(rule.getResources()).as("resources of %s", rule).doesNotContain("pods/exec", "*");
      assertThat(rule.getVerbs()).as("verbs of %s", rule).doesNotContain("*");
      assertThat(rule.getApiGroups()).as("apiGroups of %s", rule).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).as("nonResourceURLs of %s", rule).isNullOrEmpty();
    }
  }

  static void assertExecutorRule(List<PolicyRule> rules) {
    assertThat(rules).hasSize(1);
    PolicyRule rule = rules.get(0);
    assertThat(rule.getApiGroups()).containsExactly("argoproj.io");
    assertThat(rule.getResources()).containsExactly("workflowtaskresults");
    assertThat(rule.getVerbs()).containsExactlyInAnyOrder("create", "patch");
    assertThat(rule.getResourceNames()).isNullOrEmpty();
  }

  /** Whether some rule grants this verb on this resource of this API group. */
  static boolean grants(List<PolicyRule> rules, String group, String resource, String verb) {
    return rules.stream()
        .anyMatch(
            r ->
                r.getApiGroups().contains(group)
                    && r.getResources().contains(resource)
                    && r.getVerbs().contains(verb));
  }

  /** Pod Security "restricted", as the brief asks of the controller (and as the server has). */
  static void assertRestricted(Deployment deployment) {
    PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getRunAsUser()).isEqualTo(8737L);
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
      SecurityContext sc = c.getSecurityContext();
      assertThat(sc).as("securityContext of %s", c.getName()).isNotNull();
      assertThat(sc.getRunAsNonRoot()).isTrue();
      assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
      assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
      assertThat(sc.getPrivileged()).isNotEqualTo(Boolean.TRUE);
      assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
      assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    }
  }

  static Container onlyContainer(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  static void assertControllerShape(Deployment controller) {
    assertThat(controller.getSpec().getReplicas()).isEqualTo(1);
    assertThat(controller.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    Container c = onlyContainer(controller);
    assertThat(c.getArgs().get(0)).isEqualTo("controller");
    assertThat(c.getArgs()).contains("--executor-image");
    Optional<EnvVar> identity =
        c.getEnv().stream().filter(e -> e.getName().equals("LEADER_ELECTION_IDENTITY")).findFirst();
    assertThat(identity).isPresent();
    assertThat(identity.get().getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.name");
    assertRestricted(controller);
  }

  /** The flags (arguments starting with --) among a container's args. */
  static List<String> flags(Container c) {
    return c.getArgs().stream().filter(a -> a.startsWith("--")).map(a -> a.split("=")[0]).toList();
  }

  /** Namespaces and CRDs first, as kubectl orders them, so later objects have what they need. */
  static List<HasMetadata> inApplyOrder(List<HasMetadata> objects) {
    Map<String, Integer> rank = Map.of("Namespace", 0, "CustomResourceDefinition", 1);
    return objects.stream()
        .sorted(Comparator.comparingInt(o -> rank.getOrDefault(o.getKind(), 2)))
        .toList();
  }

  /**
   * Creates every object on the mock, reads each back and checks it is what was sent: the same
   * content apart from the metadata the server fills in.
   */
  static void assertCreatedAndReadBack(KubernetesClient client, List<HasMetadata> objects) {
    assertThat(objects).isNotEmpty();
    for (HasMetadata o : inApplyOrder(objects)) {
      client.resource(o).create();
    }
    for (HasMetadata o : objects) {
      HasMetadata back = client.resource(o).get();
      assertThat(back).as("%s %s read back", o.getKind(), o.getMetadata().getName()).isNotNull();
      assertThat(back.getClass()).isEqualTo(o.getClass());
      assertThat(back.getMetadata().getName()).isEqualTo(o.getMetadata().getName());
      assertThat(back.getMetadata().getNamespace()).isEqualTo(o.getMetadata().getNamespace());
      assertThat(back.getMetadata().getLabels()).isEqualTo(o.getMetadata().getLabels());
      assertThat(withoutMetadata(client, back))
          .as("%s %s", o.getKind(), o.getMetadata().getName())
          .isEqualTo(withoutMetadata(client, o));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutMetadata(KubernetesClient client, HasMetadata o) {
    Map<String, Object> map =
        new LinkedHashMap<>(client.getKubernetesSerialization().convertValue(o, Map.class));
    map.remove("metadata");
    return map;
  }
}
