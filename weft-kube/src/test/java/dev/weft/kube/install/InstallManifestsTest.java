package dev.weft.kube.install;

import static dev.weft.kube.install.Checks.grants;
import static dev.weft.kube.install.Checks.named;
import static dev.weft.kube.install.Checks.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain manifests under deploy/ (CRDs, cluster install, namespace install), checked by parsing
 * them with fabric8 and creating them on fabric8's CRUD mock server. No real cluster is involved:
 * admission, RBAC evaluation and schema validation are not exercised.
 */
class InstallManifestsTest {
  private final CrudMock mock = new CrudMock();

  @AfterEach
  void stop() {
    mock.close();
  }

  private List<HasMetadata> install(String dir) {
    return Deploy.loadAll(mock.client, Deploy.manifestsIn(dir));
  }

  private List<HasMetadata> installWithCrds(String dir) {
    List<HasMetadata> all = new java.util.ArrayList<>(install("crds"));
    all.addAll(install(dir));
    return all;
  }

  @Test
  void everyManifestParsesIntoKindsFabric8Knows() {
    List<Path> files = Deploy.manifests();
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    for (Path file : files) {
      List<HasMetadata> objects = Deploy.load(mock.client, file);
      assertThat(objects).as("objects in %s", file).isNotEmpty();
      for (HasMetadata o : objects) {
        assertThat(o)
            .as("%s in %s", o.getKind(), file)
            .isNotInstanceOf(GenericKubernetesResource.class);
        assertThat(o.getMetadata().getName()).as("a name in %s", file).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void everyObjectOfAnInstallIsCreatedOnTheMockAndReadBackUnchanged(String dir) {
    Checks.assertCreatedAndReadBack(mock.client, installWithCrds(dir));
  }

  @Test
  void crdsDeclareArgosGroupVersionNamesAndScope() {
    Map<String, CustomResourceDefinition> crds =
        ofKind(install("crds"), CustomResourceDefinition.class).stream()
            .collect(Collectors.toMap(c -> c.getSpec().getNames().getPlural(), c -> c));
    assertThat(crds)
        .containsOnlyKeys(
            "workflows",
            "workflowtemplates",
            "clusterworkflowtemplates",
            "cronworkflows",
            "workflowtaskresults",
            "workfloweventbindings",
            "eventdeliveries");
    for (var e : crds.entrySet()) {
      CustomResourceDefinition crd = e.getValue();
      String group = e.getKey().equals("eventdeliveries") ? "weft.dev" : "argoproj.io";
      assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
      assertThat(crd.getMetadata().getName()).isEqualTo(e.getKey() + "." + group);
      assertThat(crd.getSpec().getGroup()).isEqualTo(group);
      assertThat(crd.getSpec().getVersions()).hasSize(1);
      CustomResourceDefinitionVersion v = crd.getSpec().getVersions().get(0);
      assertThat(v.getName()).isEqualTo("v1alpha1");
      assertThat(v.getServed()).isTrue();
      assertThat(v.getStorage()).isTrue();
      assertThat(crd.getSpec().getScope())
          .isEqualTo(e.getKey().equals("clusterworkflowtemplates") ? "Cluster" : "Namespaced");
    }
    assertThat(crds.get("workflows").getSpec().getNames().getKind()).isEqualTo("Workflow");
    assertThat(crds.get("workflows").getSpec().getNames().getShortNames()).contains("wf");
    assertThat(crds.get("workflowtemplates").getSpec().getNames().getShortNames())
        .contains("wftmpl");
    assertThat(crds.get("clusterworkflowtemplates").getSpec().getNames().getShortNames())
        .contains("cwftmpl");
    assertThat(crds.get("cronworkflows").getSpec().getNames().getShortNames())
        .contains("cwf", "cronwf");
    assertThat(crds.get("workfloweventbindings").getSpec().getNames().getShortNames())
        .contains("wfeb");
    assertThat(crds.get("eventdeliveries").getSpec().getNames().getKind())
        .isEqualTo("EventDelivery");
    assertThat(crds.get("workflowtaskresults").getSpec().getNames().getKind())
        .isEqualTo("WorkflowTaskResult");
  }

  @Test
  void workflowCronWorkflowAndEventDeliveryCrdsHaveNoStatusSubresource() {
    for (String name :
        List.of("workflows.argoproj.io", "cronworkflows.argoproj.io", "eventdeliveries.weft.dev")) {
      CustomResourceDefinition crd = named(install("crds"), CustomResourceDefinition.class, name);
      var sub = crd.getSpec().getVersions().get(0).getSubresources();
      assertThat(sub == null || sub.getStatus() == null).as("%s has /status", name).isTrue();
    }
  }

  @Test
  void workflowCrdKeepsUnknownFieldsOfSpecAndStatusAndShowsStatusAndAge() {
    CustomResourceDefinitionVersion v =
        named(install("crds"), CustomResourceDefinition.class, "workflows.argoproj.io")
            .getSpec()
            .getVersions()
            .get(0);
    Map<String, JSONSchemaProps> props = v.getSchema().getOpenAPIV3Schema().getProperties();
    assertThat(props.get("spec").getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(props.get("status").getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(v.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsExactly("Status", "Age");
  }

  @Test
  void anArgoWorkflowIsStoredOnceTheCrdsAreInstalled() {
    Checks.assertCreatedAndReadBack(mock.client, install("crds"));
    GenericKubernetesResource wf =
        mock.client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: hello-world
                  namespace: weft
                spec:
                  entrypoint: main
                  templates:
                    - name: main
                      container:
                        image: busybox
                        command: [echo, hello]
                """,
                GenericKubernetesResource.class);
    mock.client.resource(wf).create();
    GenericKubernetesResource back =
        mock.client
            .genericKubernetesResources("argoproj.io/v1alpha1", "Workflow")
            .inNamespace("weft")
            .withName("hello-world")
            .get();
    assertThat(back).isNotNull();
    assertThat(back.getAdditionalProperties().get("spec"))
        .isEqualTo(wf.getAdditionalProperties().get("spec"));
  }

  @Test
  void noRoleOrClusterRoleGrantsPodsExecOrWildcards() {
    List<PolicyRule> rules = Deploy.rules(Deploy.loadAll(mock.client, Deploy.manifests()));
    Checks.assertNoExecNorWildcards(rules);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void executorRoleGrantsExactlyCreateAndPatchOnTaskResults(String dir) {
    Checks.assertExecutorRule(Checks.rulesOf(install(dir), "weft-executor"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void executorRoleIsBoundToTheDefaultServiceAccountOfTheInstallNamespace(String dir) {
    RoleBinding binding = named(install(dir), RoleBinding.class, "weft-executor-default");
    assertThat(binding.getRoleRef().getName()).isEqualTo("weft-executor");
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo("default");
              assertThat(s.getNamespace()).isEqualTo(binding.getMetadata().getNamespace());
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void serverMayRecordAndPruneEventDeliveries(String dir) {
    List<PolicyRule> rules = Checks.rulesOf(install(dir), "weft-server");
    for (String verb : List.of("get", "list", "watch", "create", "update", "delete")) {
      assertThat(grants(rules, "weft.dev", "eventdeliveries", verb)).as(verb).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void controllerIsGrantedWhatItUsesAndLeasesOnlyInItsNamespace(String dir) {
    List<HasMetadata> objects = install(dir);
    List<PolicyRule> rules = Checks.rulesOf(objects, "weft-controller");
    for (String verb : List.of("get", "list", "watch", "create", "delete", "patch")) {
      assertThat(grants(rules, "", "pods", verb)).as("pods %s", verb).isTrue();
    }
    assertThat(grants(rules, "", "pods/log", "get")).isTrue();
    for (String verb : List.of("list", "watch", "deletecollection", "get")) {
      assertThat(grants(rules, "argoproj.io", "workflowtaskresults", verb)).as(verb).isTrue();
    }
    assertThat(grants(rules, "argoproj.io", "workflowtaskresults", "create")).isFalse();
    for (String verb : List.of("get", "list", "watch", "update", "patch")) {
      assertThat(grants(rules, "argoproj.io", "workflows", verb)).as(verb).isTrue();
      assertThat(grants(rules, "argoproj.io", "cronworkflows", verb)).as(verb).isTrue();
    }
    // leases: in a Role of the controller's namespace, never cluster-wide
    List<PolicyRule> leaseRules =
        dir.equals("cluster-install")
            ? Checks.rulesOf(objects, "weft-controller-leader-election")
            : rules;
    for (String verb : List.of("create", "get", "update")) {
      assertThat(grants(leaseRules, "coordination.k8s.io", "leases", verb)).as(verb).isTrue();
    }
    for (ClusterRole role : ofKind(objects, ClusterRole.class)) {
      assertThat(grants(role.getRules(), "coordination.k8s.io", "leases", "update"))
          .as("leases in ClusterRole %s", role.getMetadata().getName())
          .isFalse();
    }
  }

  @Test
  void namespaceInstallHasNoClusterWideRbac() {
    List<HasMetadata> objects = install("namespace-install");
    assertThat(ofKind(objects, ClusterRole.class)).isEmpty();
    assertThat(ofKind(objects, ClusterRoleBinding.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void everyBindingNamesARoleAndServiceAccountsOfTheInstall(String dir) {
    List<HasMetadata> objects = install(dir);
    Set<String> roles = new HashSet<>();
    objects.stream()
        .filter(o -> o.getKind().endsWith("Role"))
        .forEach(o -> roles.add(o.getKind() + "/" + o.getMetadata().getName()));
    Set<String> accounts =
        ofKind(objects, ServiceAccount.class).stream()
            .map(a -> a.getMetadata().getNamespace() + "/" + a.getMetadata().getName())
            .collect(Collectors.toSet());
    for (HasMetadata o : objects) {
      List<Subject> subjects;
      String roleRef;
      if (o instanceof RoleBinding b) {
        subjects = b.getSubjects();
        roleRef = b.getRoleRef().getKind() + "/" + b.getRoleRef().getName();
      } else if (o instanceof ClusterRoleBinding b) {
        subjects = b.getSubjects();
        roleRef = b.getRoleRef().getKind() + "/" + b.getRoleRef().getName();
      } else {
        continue;
      }
      assertThat(roles).as("roleRef of %s", o.getMetadata().getName()).contains(roleRef);
      for (Subject s : subjects) {
        assertThat(s.getKind()).isEqualTo("ServiceAccount");
        if (!s.getName().equals("default")) {
          assertThat(accounts).contains(s.getNamespace() + "/" + s.getName());
        }
      }
    }
    for (Deployment d : ofKind(objects, Deployment.class)) {
      assertThat(accounts)
          .contains(
              d.getMetadata().getNamespace()
                  + "/"
                  + d.getSpec().getTemplate().getSpec().getServiceAccountName());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void controllerDeploymentIsOneRecreatedReplicaUnderPodSecurityRestricted(String dir) {
    Checks.assertControllerShape(named(install(dir), Deployment.class, "weft-controller"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void serverDeploymentRunsServerKubeOnPort2746UnderPodSecurityRestricted(String dir) {
    List<HasMetadata> objects = install(dir);
    Deployment server = named(objects, Deployment.class, "weft-server");
    Container c = Checks.onlyContainer(server);
    assertThat(c.getArgs()).startsWith("server", "--kube");
    assertThat(c.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(2746);
    Checks.assertRestricted(server);
    var service = named(objects, io.fabric8.kubernetes.api.model.Service.class, "weft-server");
    assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(2746);
    assertThat(service.getSpec().getSelector())
        .isEqualTo(server.getSpec().getTemplate().getMetadata().getLabels());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-install", "namespace-install"})
  void deploymentsUseOnlyTheFlagsAndEnvTheCommandsHave(String dir) {
    List<HasMetadata> objects = install(dir);
    Container controller =
        Checks.onlyContainer(named(objects, Deployment.class, "weft-controller"));
    assertThat(Checks.flags(controller)).isSubsetOf(Checks.CONTROLLER_FLAGS);
    assertThat(controller.getEnv()).extracting(e -> e.getName()).isSubsetOf(Checks.CONTROLLER_ENV);
    assertThat(controller.getArgs())
        .containsSequence("--executor-image", "ghcr.io/weft-dev/weft:0.1.0");
    Container server = Checks.onlyContainer(named(objects, Deployment.class, "weft-server"));
    assertThat(Checks.flags(server)).isSubsetOf(Checks.SERVER_FLAGS);
    assertThat(server.getEnv()).isNullOrEmpty();
  }

  @Test
  void onlyTheNamespaceInstallRunsTheControllerNamespaced() {
    Container cluster =
        Checks.onlyContainer(
            named(install("cluster-install"), Deployment.class, "weft-controller"));
    Container namespaced =
        Checks.onlyContainer(
            named(install("namespace-install"), Deployment.class, "weft-controller"));
    assertThat(cluster.getArgs()).doesNotContain("--namespaced");
    assertThat(namespaced.getArgs()).contains("--namespaced");
  }

  @Test
  void controllerConfigMapHasTheDefaultName() {
    for (String dir : List.of("cluster-install", "namespace-install")) {
      named(
          install(dir),
          io.fabric8.kubernetes.api.model.ConfigMap.class,
          "weft-controller-configmap");
    }
    assertThat(Deploy.read(Deploy.dir().resolve("cluster-install/controller-configmap.yaml")))
        .contains("# artifactRepository: |", "#   s3:");
  }

  @Test
  void everyKustomizationListsExactlyTheManifestsBesideIt() {
    List<Path> kustomizations = Deploy.kustomizations();
    assertThat(kustomizations)
        .extracting(p -> p.getParent().getFileName().toString())
        .containsExactlyInAnyOrder("crds", "cluster-install", "namespace-install");
    for (Path k : kustomizations) {
      @SuppressWarnings("unchecked")
      Map<String, Object> doc =
          mock.client.getKubernetesSerialization().unmarshal(Deploy.read(k), Map.class);
      assertThat(doc.get("kind")).isEqualTo("Kustomization");
      @SuppressWarnings("unchecked")
      List<String> resources = (List<String>) doc.get("resources");
      Set<String> files =
          Deploy.manifests().stream()
              .filter(p -> p.getParent().equals(k.getParent()))
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toSet());
      Set<String> listed =
          resources.stream().filter(r -> !r.startsWith("../")).collect(Collectors.toSet());
      assertThat(listed).as("resources of %s", k).isEqualTo(files);
      resources.stream()
          .filter(r -> r.startsWith("../"))
          .forEach(r -> assertThat(Files.isDirectory(k.getParent().resolve(r))).isTrue());
    }
  }
}
