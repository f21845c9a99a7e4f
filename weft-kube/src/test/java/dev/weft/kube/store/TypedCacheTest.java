package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

class TypedCacheTest {
  private static final ObjectKey KEY = ObjectKey.of(ResourceKind.WORKFLOW, "default", "wf");

  @Test
  void aCopyAtTheEventsResourceVersionIsReusedNotDecoded() {
    TypedCache cache = new TypedCache();
    Workflow written = decode(stored("5"));
    cache.put(KEY, written);
    assertThat(cache.typed(KEY, stored("5"), Workflow.class, true)).isSameAs(written);
  }

  @Test
  void anotherResourceVersionIsDecodedAndKept() {
    TypedCache cache = new TypedCache();
    cache.put(KEY, decode(stored("5")));
    Workflow newer = cache.typed(KEY, stored("6"), Workflow.class, true);
    assertThat(newer.metadata().resourceVersion()).isEqualTo("6");
    assertThat(cache.typed(KEY, stored("6"), Workflow.class, true)).isSameAs(newer);
  }

  @Test
  void anOlderCopyDoesNotReplaceANewerOne() {
    TypedCache cache = new TypedCache();
    Workflow newer = decode(stored("7"));
    cache.put(KEY, newer);
    cache.put(KEY, decode(stored("6")));
    assertThat(cache.typed(KEY, stored("7"), Workflow.class, false)).isSameAs(newer);
  }

  @Test
  void anEvictedObjectIsDecodedAgain() {
    TypedCache cache = new TypedCache();
    Workflow kept = decode(stored("5"));
    cache.put(KEY, kept);
    cache.evict(KEY);
    assertThat(cache.typed(KEY, stored("5"), Workflow.class, false)).isNotSameAs(kept);
  }

  private static GenericKubernetesResource stored(String resourceVersion) {
    ObjectNode tree = Codec.json().createObjectNode();
    tree.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    tree.putObject("metadata")
        .put("name", "wf")
        .put("namespace", "default")
        .put("resourceVersion", resourceVersion);
    tree.putObject("status").put("phase", "Running");
    return KubeStore.toGeneric(tree);
  }

  private static Workflow decode(GenericKubernetesResource g) {
    return KubeStore.decode(KubeStore.raw(g), Workflow.class);
  }
}
