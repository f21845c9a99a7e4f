package dev.weft.kube.install;

import static dev.weft.kube.install.Checks.named;
import static dev.weft.kube.install.Checks.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/helm/weft, rendered by Helm's own Go code (helm-java) and checked as the plain manifests
 * are: parsed by fabric8 and created on its CRUD mock server. Never installed on a real cluster.
 */
class HelmChartTest {
  private static final Map<String, Object> CLUSTER = Map.of();
  private static final Map<String, Object> NAMESPACED = Map.of("singleNamespace", true);

  private final CrudMock mock = new CrudMock();

  @AfterEach
  void stop() {
    mock.close();
  }

  /** `helm template weft deploy/helm/weft -n weft --set k=v...`. */
  private static String render(Map<String, Object> values) {
    TemplateCommand template =
        new Helm(Deploy.chart()).template().withName("weft").withNamespace("weft");
    values.forEach(template::set);
    return template.call();
  }

  private List<HasMetadata> objects(Map<String, Object> values) {
    return Deploy.load(mock.client, render(values));
  }

  private static Map<String, Object> values(String set) {
    return set.equals("namespaced") ? NAMESPACED : CLUSTER;
  }

  @Test
  void chartLintsCleanInStrictMode() {
    LintResult lint = new Helm(Deploy.chart()).lint().strict().call();
    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster", "namespaced"})
  void everyRenderedObjectIsAKnownKindCreatedOnTheMockAndReadBack(String set) {
    List<HasMetadata> objects = objects(values(set));
    assertThat(objects).noneMatch(GenericKubernetesResource.class::isInstance);
    Checks.assertCreatedAndReadBack(mock.client, objects);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster", "namespaced"})
  void renderedRolesNeverGrantPodsExecOrWildcards(String set) {
    Checks.assertNoExecNorWildcards(Deploy.rules(objects(values(set))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster", "namespaced"})
  void renderedExecutorRoleGrantsExactlyCreateAndPatchAndIsBoundToDefault(String set) {
    List<HasMetadata> objects = objects(values(set));
    Checks.assertExecutorRule(Checks.rulesOf(objects, "weft-executor"));
    RoleBinding binding = named(objects, RoleBinding.class, "weft-executor-default");
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo("default"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster", "namespaced"})
  void renderedControllerIsOneRecreatedReplicaUnderPodSecurityRestricted(String set) {
    List<HasMetadata> objects = objects(values(set));
    Deployment controller = named(objects, Deployment.class, "weft-controller");
    Checks.assertControllerShape(controller);
    Checks.assertRestricted(named(objects, Deployment.class, "weft-server"));
  }

  @Test
  void clusterValuesGiveClusterRolesAndAControllerOverAllNamespaces() {
    List<HasMetadata> objects = objects(CLUSTER);
    assertThat(ofKind(objects, ClusterRole.class))
        .extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder("weft-controller", "weft-server", "weft-executor");
    assertThat(
            Checks.grants(
                Checks.rulesOf(objects, "weft-controller"),
                "argoproj.io",
                "clusterworkflowtemplates",
                "list"))
        .isTrue();
    Container c = Checks.onlyContainer(named(objects, Deployment.class, "weft-controller"));
    assertThat(c.getArgs()).doesNotContain("--namespaced");
  }

  @Test
  void theServerMayRecordAndPruneEventDeliveriesInEitherInstall() {
    for (List<HasMetadata> objects : List.of(objects(CLUSTER), objects(NAMESPACED))) {
      List<io.fabric8.kubernetes.api.model.rbac.PolicyRule> rules =
          Checks.rulesOf(objects, "weft-server");
      for (String verb : List.of("get", "list", "create", "update", "delete")) {
        assertThat(Checks.grants(rules, "weft.dev", "eventdeliveries", verb)).as(verb).isTrue();
      }
    }
  }

  @Test
  void namespacedValuesGiveOnlyRolesAndANamespacedController() {
    List<HasMetadata> objects = objects(NAMESPACED);
    assertThat(ofKind(objects, ClusterRole.class)).isEmpty();
    assertThat(ofKind(objects, ClusterRoleBinding.class)).isEmpty();
    assertThat(ofKind(objects, Role.class))
        .extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "weft-controller", "weft-controller-leader-election", "weft-server", "weft-executor");
    Container c = Checks.onlyContainer(named(objects, Deployment.class, "weft-controller"));
    assertThat(c.getArgs()).contains("--namespaced").doesNotContain("--managed-namespace");
  }

  @Test
  void aManagedNamespaceGetsTheWorkRolesWhileTheLeaseStaysWithTheController() {
    Map<String, Object> values = new LinkedHashMap<>(NAMESPACED);
    values.put("managedNamespace", "pipelines");
    List<HasMetadata> objects = objects(values);
    Container c = Checks.onlyContainer(named(objects, Deployment.class, "weft-controller"));
    assertThat(c.getArgs()).containsSequence("--managed-namespace", "pipelines");
    assertThat(named(objects, Role.class, "weft-controller").getMetadata().getNamespace())
        .isEqualTo("pipelines");
    assertThat(named(objects, Role.class, "weft-executor").getMetadata().getNamespace())
        .isEqualTo("pipelines");
    assertThat(
            named(objects, Role.class, "weft-controller-leader-election")
                .getMetadata()
                .getNamespace())
        .isEqualTo("weft");
    RoleBinding binding = named(objects, RoleBinding.class, "weft-controller");
    assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo("weft");
  }

  @Test
  void clusterRenderGrantsTheSameRulesAsThePlainClusterInstall() {
    Map<String, List<PolicyRule>> chart = rulesByRole(objects(CLUSTER));
    Map<String, List<PolicyRule>> plain =
        rulesByRole(Deploy.loadAll(mock.client, Deploy.manifestsIn("cluster-install")));
    assertThat(chart).isEqualTo(plain);
  }

  private static Map<String, List<PolicyRule>> rulesByRole(List<HasMetadata> objects) {
    Map<String, List<PolicyRule>> byRole = new TreeMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof Role || o instanceof ClusterRole) {
        byRole.put(o.getKind() + "/" + o.getMetadata().getName(), Deploy.rules(List.of(o)));
      }
    }
    return byRole;
  }

  @Test
  void chartCrdFilesAreTheSameAsDeployCrds() throws Exception {
    Path chartCrds = Deploy.chart().resolve("files/crds");
    List<Path> plain = Deploy.manifestsIn("crds");
    try (var files = Files.list(chartCrds)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(plain.stream().map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (Path p : plain) {
      assertThat(chartCrds.resolve(p.getFileName())).hasSameTextualContentAs(p);
    }
  }

  @Test
  void renderedCrdsAreDeployCrdsKeptOnUninstall() {
    Map<String, CustomResourceDefinition> rendered =
        ofKind(objects(CLUSTER), CustomResourceDefinition.class).stream()
            .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
    Map<String, CustomResourceDefinition> plain =
        ofKind(
                Deploy.loadAll(mock.client, Deploy.manifestsIn("crds")),
                CustomResourceDefinition.class)
            .stream()
            .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
    assertThat(rendered.keySet()).isEqualTo(plain.keySet());
    for (String name : plain.keySet()) {
      assertThat(rendered.get(name).getSpec()).as(name).isEqualTo(plain.get(name).getSpec());
      assertThat(rendered.get(name).getMetadata().getAnnotations())
          .containsEntry("helm.sh/resource-policy", "keep");
    }
  }

  @Test
  void crdsInstallFalseRendersNoCrds() {
    assertThat(ofKind(objects(Map.of("crds.install", false)), CustomResourceDefinition.class))
        .isEmpty();
  }

  @Test
  void instanceIdExecutorImageAndTuningBecomeControllerFlags() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("instanceID", "blue");
    values.put("executorImage", "registry.example/weft:dev");
    values.put("controller.workflowWorkers", 8);
    values.put("controller.qps", 50);
    values.put("controller.burst", 80);
    Container c = Checks.onlyContainer(named(objects(values), Deployment.class, "weft-controller"));
    assertThat(c.getArgs())
        .containsSequence("--instance-id", "blue")
        .containsSequence("--executor-image", "registry.example/weft:dev")
        .containsSequence("--workflow-workers", "8")
        .containsSequence("--qps", "50")
        .containsSequence("--burst", "80")
        .containsSequence("--configmap", "weft-controller-configmap");
    assertThat(Checks.flags(c)).isSubsetOf(Checks.CONTROLLER_FLAGS);
  }

  @Test
  void defaultsRunTheChartsImageAndTheDefaultConfigMapName() {
    List<HasMetadata> objects = objects(CLUSTER);
    Container c = Checks.onlyContainer(named(objects, Deployment.class, "weft-controller"));
    assertThat(c.getImage()).isEqualTo("ghcr.io/weft-dev/weft:0.1.0");
    assertThat(c.getArgs()).containsSequence("--executor-image", "ghcr.io/weft-dev/weft:0.1.0");
    assertThat(c.getEnv()).extracting(e -> e.getName()).containsExactly("LEADER_ELECTION_IDENTITY");
    assertThat(named(objects, ConfigMap.class, "weft-controller-configmap").getData())
        .isNullOrEmpty();
  }

  @Test
  void leaderElectionFalseSetsTheDisableEnv() {
    Container c =
        Checks.onlyContainer(
            named(
                objects(Map.of("controller.leaderElection", false)),
                Deployment.class,
                "weft-controller"));
    assertThat(c.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("LEADER_ELECTION_DISABLE");
              assertThat(e.getValue()).isEqualTo("true");
            });
    assertThat(c.getEnv()).extracting(e -> e.getName()).isSubsetOf(Checks.CONTROLLER_ENV);
  }

  @Test
  void artifactRepositoryValueBecomesTheConfigMapKey() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("artifactRepository.s3.bucket", "my-bucket");
    values.put("artifactRepository.s3.endpoint", "s3.amazonaws.com");
    ConfigMap cm = named(objects(values), ConfigMap.class, "weft-controller-configmap");
    @SuppressWarnings("unchecked")
    Map<String, Object> repo =
        mock.client
            .getKubernetesSerialization()
            .unmarshal(cm.getData().get("artifactRepository"), Map.class);
    assertThat(repo)
        .isEqualTo(Map.of("s3", Map.of("bucket", "my-bucket", "endpoint", "s3.amazonaws.com")));
  }

  @Test
  void serverCanBeLeftOut() {
    List<HasMetadata> objects = objects(Map.of("server.enabled", false));
    assertThat(objects).noneMatch(o -> o.getMetadata().getName().equals("weft-server"));
    named(objects, Deployment.class, "weft-controller");
  }
}
