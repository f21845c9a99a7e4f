package dev.weft.store;

import static dev.weft.store.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ConfigMap;
import dev.weft.model.EventDelivery;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.EventDeliveryStatus;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link Store}: create, get, list, update, updateStatus and delete. Run by
 * each implementation's test class.
 */
abstract class StoreCrudContract extends StoreContract {
  private Store store;

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void createSetsIdentityVersionGenerationAndTimestamp() {
    ConfigMap created = store.create(configMap("ns1", "settings", Map.of("a", "1")));

    ObjectMeta meta = created.metadata();
    assertThat(meta.uid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-.*");
    assertThat(meta.resourceVersion()).isEqualTo("1");
    assertThat(meta.generation()).isEqualTo(1L);
    assertThat(meta.creationTimestamp()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(created.data()).containsEntry("a", "1");
  }

  @Test
  void getReturnsWhatCreateStored() {
    ConfigMap created = store.create(configMap("ns1", "settings", Map.of("a", "1")));

    assertThat(store.get(ConfigMap.class, "ns1", "settings")).contains(created);
    assertThat(store.get(ConfigMap.class, "ns2", "settings")).isEmpty();
  }

  @Test
  void namespaceDefaultsToDefault() {
    store.create(configMap(null, "settings", Map.of()));

    assertThat(store.get(ConfigMap.class, "default", "settings")).isPresent();
    assertThat(store.get(ConfigMap.class, null, "settings").orElseThrow().metadata().namespace())
        .isEqualTo("default");
  }

  @Test
  void clusterScopedKindHasNoNamespace() {
    ClusterWorkflowTemplate created =
        store.create(
            new ClusterWorkflowTemplate(
                null, null, ObjectMeta.named("shared").withNamespace("ns1"), null));

    assertThat(created.metadata().namespace()).isNull();
    assertThat(created.kind()).isEqualTo("ClusterWorkflowTemplate");
    assertThat(created.apiVersion()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(store.get(ClusterWorkflowTemplate.class, "anything", "shared")).isPresent();
  }

  @Test
  void generateNameAppendsFiveRandomCharacters() {
    Workflow a =
        store.create(Fixtures.withMeta(Fixtures.workflow("ns", ""), "generateName", "hello-"));
    Workflow b =
        store.create(Fixtures.withMeta(Fixtures.workflow("ns", ""), "generateName", "hello-"));

    assertThat(a.metadata().name()).matches("hello-[a-z0-9]{5}");
    assertThat(b.metadata().name()).matches("hello-[a-z0-9]{5}").isNotEqualTo(a.metadata().name());
  }

  @Test
  void createWithoutNameOrGenerateNameIsInvalid() {
    assertThatThrownBy(() -> store.create(configMap("ns", null, Map.of())))
        .isInstanceOf(StoreException.Invalid.class)
        .hasMessageContaining("metadata.name or metadata.generateName is required");
  }

  @Test
  void createWithMalformedNameIsInvalid() {
    assertThatThrownBy(() -> store.create(configMap("ns", "Not_A_Name", Map.of())))
        .isInstanceOf(StoreException.Invalid.class)
        .hasMessageContaining("\"Not_A_Name\"");
  }

  @Test
  void createOfExistingNameIsAlreadyExists() {
    store.create(configMap("ns1", "settings", Map.of()));

    assertThatThrownBy(() -> store.create(configMap("ns1", "settings", Map.of())))
        .isInstanceOf(StoreException.AlreadyExists.class)
        .hasMessage("ConfigMap ns1/settings already exists");
  }

  @Test
  void listFiltersByNamespaceAndSelectorInNameOrder() {
    store.create(Fixtures.withLabels(configMap("b", "two", Map.of()), Map.of("app", "x")));
    store.create(Fixtures.withLabels(configMap("a", "one", Map.of()), Map.of("app", "x")));
    store.create(Fixtures.withLabels(configMap("a", "three", Map.of()), Map.of("app", "y")));

    assertThat(store.list(ConfigMap.class, null, LabelSelector.parse("app=x")))
        .extracting(c -> c.metadata().name())
        .containsExactly("one", "two");
    assertThat(store.list(ConfigMap.class, "a", LabelSelector.everything()))
        .extracting(c -> c.metadata().name())
        .containsExactly("one", "three");
  }

  @Test
  void listReportsTheVersionItIsConsistentWith() {
    store.create(configMap("a", "one", Map.of()));
    store.create(configMap("a", "two", Map.of()));

    assertThat(store.listWithVersion(ConfigMap.class, null, null).resourceVersion()).isEqualTo("2");
  }

  @Test
  void updateReplacesAndBumpsResourceVersion() {
    ConfigMap created = store.create(configMap("ns", "c", Map.of("a", "1")));

    ConfigMap updated =
        store.update(new ConfigMap(null, null, created.metadata(), Map.of("a", "2"), null, null));

    assertThat(updated.data()).containsEntry("a", "2");
    assertThat(updated.metadata().resourceVersion()).isEqualTo("2");
    assertThat(updated.metadata().uid()).isEqualTo(created.metadata().uid());
    assertThat(store.get(ConfigMap.class, "ns", "c")).contains(updated);
  }

  @Test
  void updateWithStaleResourceVersionIsConflict() {
    ConfigMap created = store.create(configMap("ns", "c", Map.of("a", "1")));
    store.update(created);

    assertThatThrownBy(() -> store.update(created))
        .isInstanceOf(StoreException.Conflict.class)
        .hasMessageContaining("ConfigMap ns/c")
        .hasMessageContaining("given 1, stored 2");
  }

  @Test
  void updateOfMissingObjectIsNotFound() {
    assertThatThrownBy(() -> store.update(configMap("ns", "ghost", Map.of())))
        .isInstanceOf(StoreException.NotFound.class)
        .hasMessage("ConfigMap ns/ghost not found");
  }

  @Test
  void updateBumpsGenerationOnlyWhenSpecChanges() {
    Workflow created = store.create(Fixtures.workflow("ns", "wf"));

    Workflow relabelled = store.update(Fixtures.withLabels(created, Map.of("x", "y")));
    Workflow respecced =
        store.update(
            relabelled.withSpec(Codec.convert(Map.of("entrypoint", "other"), WorkflowSpec.class)));

    assertThat(relabelled.metadata().generation()).isEqualTo(1L);
    assertThat(respecced.metadata().generation()).isEqualTo(2L);
  }

  @Test
  void updateStatusChangesOnlyTheStatus() {
    Workflow created = store.create(Fixtures.workflow("ns", "wf"));
    WorkflowStatus running = Codec.convert(Map.of("phase", "Running"), WorkflowStatus.class);

    Workflow updated =
        store.updateStatus(
            Fixtures.withLabels(created, Map.of("ignored", "yes")).withStatus(running));

    assertThat(updated.status().phase()).isEqualTo(WorkflowPhase.RUNNING);
    assertThat(updated.metadata().labels()).isNull();
    assertThat(updated.metadata().generation()).isEqualTo(1L);
    assertThat(updated.metadata().resourceVersion()).isEqualTo("2");
  }

  @Test
  void updateStatusOfKindWithoutStatusIsInvalid() {
    ConfigMap created = store.create(configMap("ns", "c", Map.of()));

    assertThatThrownBy(() -> store.updateStatus(created))
        .isInstanceOf(StoreException.Invalid.class)
        .hasMessageContaining("ConfigMap ns/c");
  }

  @Test
  void workflowEventBindingRoundTripsAndHasNoStatus() {
    WorkflowEventBinding created =
        store.create(
            Fixtures.parse(
                """
                {"apiVersion": "argoproj.io/v1alpha1", "kind": "WorkflowEventBinding",
                 "metadata": {"name": "on-push", "namespace": "argo"},
                 "spec": {"event": {"selector": "metadata[\\"x-github-event\\"] == [\\"push\\"]"},
                          "submit": {"workflowTemplateRef": {"name": "build"},
                                     "arguments": {"parameters": [
                                       {"name": "ref", "valueFrom": {"event": "payload.ref"}}]}}}}
                """,
                WorkflowEventBinding.class));

    assertThat(store.get(WorkflowEventBinding.class, "argo", "on-push")).contains(created);
    assertThat(created.selectorOrEmpty()).isEqualTo("metadata[\"x-github-event\"] == [\"push\"]");
    assertThatThrownBy(() -> store.updateStatus(created))
        .isInstanceOf(StoreException.Invalid.class);
  }

  @Test
  void eventDeliveryKeepsItsPayloadAsReceivedAndTakesStatusWrites() {
    EventDelivery created =
        store.create(
            Fixtures.parse(
                """
                {"apiVersion": "weft.dev/v1alpha1", "kind": "EventDelivery",
                 "metadata": {"name": "ev-0123456789abcdef0123", "namespace": "argo",
                              "labels": {"events.weft.dev/phase": "Pending"}},
                 "spec": {"discriminator": "", "dedupKey": "idempotency:k:argo:",
                          "receivedAt": "2024-05-01T10:00:00.250Z",
                          "payload": [1, "two", {"three": null, "four": [true]}],
                          "metadata": {"x-github-event": ["push"]}}}
                """,
                EventDelivery.class));

    assertThat(created.apiVersion()).isEqualTo("weft.dev/v1alpha1");
    assertThat(created.spec().payload().toString())
        .isEqualTo("[1,\"two\",{\"three\":null,\"four\":[true]}]");
    EventDelivery dispatched =
        store.updateStatus(
            created.withStatus(
                new EventDeliveryStatus(
                    "Dispatched",
                    1,
                    "2024-05-01T10:00:01Z",
                    java.util.List.of(
                        new EventDeliveryStatus.BindingResult(
                            "on-push", "Submitted", null, "on-push-0123456789")),
                    java.util.List.of("on-push-0123456789"))));
    assertThat(store.get(EventDelivery.class, "argo", created.metadata().name()))
        .contains(dispatched);
    assertThat(
            store.list(
                EventDelivery.class,
                "argo",
                LabelSelector.matchingLabels(Map.of("events.weft.dev/phase", "Pending"))))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                store.create(
                    created.withMetadata(
                        ObjectMeta.named("ev-0123456789abcdef0123").withNamespace("argo"))))
        .isInstanceOf(StoreException.AlreadyExists.class);
  }

  @Test
  void deleteRemovesTheObject() {
    store.create(configMap("ns", "c", Map.of()));

    store.delete(ConfigMap.class, "ns", "c");

    assertThat(store.get(ConfigMap.class, "ns", "c")).isEmpty();
    assertThat(store.currentResourceVersion()).isEqualTo("2");
  }

  @Test
  void deleteOfMissingObjectIsNotFound() {
    assertThatThrownBy(() -> store.delete(ConfigMap.class, "ns", "ghost"))
        .isInstanceOf(StoreException.NotFound.class);
  }

  @Test
  void returnedObjectsDoNotShareStateWithTheStore() {
    ConfigMap created = store.create(configMap("ns", "c", new HashMap<>(Map.of("a", "1"))));

    created.data().put("a", "changed");

    assertThat(store.get(ConfigMap.class, "ns", "c").orElseThrow().data()).containsEntry("a", "1");
  }

  @Test
  void objectsRoundTripWithoutDerivedFields() {
    Workflow wf =
        Fixtures.parse(
            """
            {"metadata": {"name": "wf"},
             "spec": {"entrypoint": "main", "templates": [{"name": "main",
               "outputs": {"artifacts": [{"name": "a", "path": "/a"}]}}]}}
            """,
            Workflow.class);

    Workflow stored = store.create(wf);

    assertThat(stored.spec()).isEqualTo(wf.spec());
  }
}
