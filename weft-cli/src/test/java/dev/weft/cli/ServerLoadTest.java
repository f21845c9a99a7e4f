package dev.weft.cli;

import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Secret;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.store.InMemoryStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLoadTest {
  @TempDir Path dir;

  private static final String CLIENTS =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: argo-workflows-webhook-clients
        namespace: argo
      stringData:
        github: |
          type: github
          secret: %s
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowEventBinding
      metadata:
        name: on-push
        namespace: argo
      spec:
        event:
          selector: metadata["x-github-event"] == ["push"]
      """;

  @Test
  void objectsAreStoredAndALaterLoadReplacesThem() {
    InMemoryStore store = new InMemoryStore();
    Path first = write(dir, "a.yaml", CLIENTS.formatted("one"));
    ServerLoad.store(store, ServerLoad.read(List.of(first)).resources());
    Path second = write(dir, "b.yaml", CLIENTS.formatted("two"));
    ServerLoad.Read again = ServerLoad.read(List.of(second));
    assertThat(again.problems()).isEmpty();
    ServerLoad.store(store, again.resources());

    Secret secret = store.get(Secret.class, "argo", "argo-workflows-webhook-clients").orElseThrow();
    assertThat(secret.decoded().get("github")).contains("secret: two");
    assertThat(store.get(WorkflowEventBinding.class, "argo", "on-push")).isPresent();
  }

  @Test
  void aWorkflowOrAnUnnamedObjectIsRefusedWithItsLocation() {
    Path f =
        write(
            dir,
            "w.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: w-}
            spec: {entrypoint: main, templates: [{name: main, suspend: {}}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {generateName: c-}
            """);
    ServerLoad.Read read = ServerLoad.read(List.of(f));
    assertThat(read.resources()).isEmpty();
    assertThat(read.problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("w.yaml:2:", "a Workflow is submitted"))
        .anySatisfy(p -> assertThat(p).contains("metadata.name"));
  }

  private static final String TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata: {name: greet}
      spec:
        entrypoint: main
        templates:
        - name: main
          container: {image: busybox, command: [echo, hi]}
      """;

  private static final String CRON_OF_TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: CronWorkflow
      metadata: {name: nightly}
      spec:
        schedule: "0 2 * * *"
        workflowSpec:
          workflowTemplateRef: {name: greet}
      """;

  @Test
  void anInvalidTemplateIsRefusedWithItsFileLineAndColumn() {
    Path f = write(dir, "t.yaml", TEMPLATE.replace("entrypoint: main", "entrypoint: absent"));

    List<String> invalid = ServerLoad.invalid(new InMemoryStore(), ServerLoad.read(List.of(f)));

    assertThat(invalid)
        .singleElement()
        .satisfies(p -> assertThat(p).contains("t.yaml:5:", "absent"));
  }

  @Test
  void aCronOfATemplateLoadedWithItIsValid() {
    Path f = write(dir, "both.yaml", CRON_OF_TEMPLATE + "---\n" + TEMPLATE);

    assertThat(ServerLoad.invalid(new InMemoryStore(), ServerLoad.read(List.of(f)))).isEmpty();
  }

  @Test
  void aCronOfAStoredTemplateIsValidAndOfAMissingOneIsNot() {
    Path cron = write(dir, "cron.yaml", CRON_OF_TEMPLATE);
    InMemoryStore store = new InMemoryStore();
    ServerLoad.Read read = ServerLoad.read(List.of(cron));
    assertThat(ServerLoad.invalid(store, read)).isNotEmpty();

    ServerLoad.store(store, ServerLoad.read(List.of(write(dir, "t.yaml", TEMPLATE))).resources());

    assertThat(ServerLoad.invalid(store, read)).isEmpty();
  }

  private static final String CRON_OF_OTHER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: CronWorkflow
      metadata: {name: nightly, namespace: dev}
      spec:
        schedule: "0 2 * * *"
        workflowSpec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - name: s
                templateRef: {name: greet, template: other}
      """;

  private static String template(String namespace, String... names) {
    StringBuilder t =
        new StringBuilder(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata: {name: greet, namespace: %s}
            spec:
              entrypoint: main
              templates:
            """
                .formatted(namespace));
    for (String name : names) {
      t.append("  - name: ").append(name).append("\n");
      t.append("    container: {image: busybox, command: [echo, hi]}\n");
    }
    return t.toString();
  }

  @Test
  void aCronIsCheckedWithTheTemplatesOfItsOwnNamespaceNotAnotherLoadedWithIt() {
    InMemoryStore store = new InMemoryStore();
    ServerLoad.store(
        store,
        ServerLoad.read(List.of(write(dir, "stored.yaml", template("dev", "main", "other"))))
            .resources());
    Path f = write(dir, "both.yaml", CRON_OF_OTHER + "---\n" + template("prod", "main"));

    assertThat(ServerLoad.invalid(store, ServerLoad.read(List.of(f)))).isEmpty();
  }

  @Test
  void aCronOfATemplateLoadedOnlyInAnotherNamespaceIsRefused() {
    Path f = write(dir, "both.yaml", CRON_OF_OTHER + "---\n" + template("prod", "main", "other"));

    assertThat(ServerLoad.invalid(new InMemoryStore(), ServerLoad.read(List.of(f))))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("both.yaml:", "greet"));
  }

  @Test
  void aTemplateInTheDefaultNamespaceNamedOrNotServesACronInAnotherFile() {
    Path t =
        write(
            dir, "t.yaml", TEMPLATE.replace("{name: greet}", "{name: greet, namespace: default}"));
    Path cron = write(dir, "cron.yaml", CRON_OF_TEMPLATE);

    assertThat(ServerLoad.invalid(new InMemoryStore(), ServerLoad.read(List.of(cron, t))))
        .isEmpty();
  }

  @Test
  void aCronInANamespaceMayUseAClusterTemplateLoadedWithIt() {
    String cluster =
        template("ignored", "main", "other")
            .replace("kind: WorkflowTemplate", "kind: ClusterWorkflowTemplate")
            .replace(", namespace: ignored", "");
    Path f =
        write(
            dir,
            "both.yaml",
            CRON_OF_OTHER.replace("template: other}", "template: other, clusterScope: true}")
                + "---\n"
                + cluster);

    assertThat(ServerLoad.invalid(new InMemoryStore(), ServerLoad.read(List.of(f)))).isEmpty();
  }

  @Test
  void secretsConfigMapsAndEventBindingsAloneAreValid() {
    Path f =
        write(
            dir,
            "clients.yaml",
            CLIENTS.formatted("one")
                + """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: argo}
                data: {a: b}
                """);

    assertThat(ServerLoad.invalid(new InMemoryStore(), ServerLoad.read(List.of(f)))).isEmpty();
  }
}
