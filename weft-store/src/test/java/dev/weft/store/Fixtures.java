package dev.weft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.ConfigMap;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Objects and stores for the store's tests. */
final class Fixtures {
  private Fixtures() {}

  static InMemoryStore store() {
    return store(InMemoryStore.DEFAULT_HISTORY_LIMIT);
  }

  static InMemoryStore store(int historyLimit) {
    return new InMemoryStore(historyLimit, clock(), new Random(42));
  }

  /** The time every test store stamps objects with. */
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** Options for a test JdbcStore: the fixed clock, seeded randomness, a short poll interval. */
  static JdbcOptions jdbcOptions(int historyLimit) {
    return new JdbcOptions(historyLimit, Duration.ofMillis(20), clock(), new Random(42));
  }

  /** A SQLite store in {@code file} as the contract suites expect it. */
  static JdbcStore sqlite(Path file, int historyLimit) {
    return Stores.open(file.toString(), jdbcOptions(historyLimit));
  }

  static ConfigMap configMap(String namespace, String name, Map<String, String> data) {
    return new ConfigMap("v1", "ConfigMap", meta(namespace, name), data, null, null);
  }

  static ObjectMeta meta(String namespace, String name) {
    return ObjectMeta.named(name).withNamespace(namespace);
  }

  static Workflow workflow(String namespace, String name) {
    return parse(
        """
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
         "metadata": {"name": "%s", "namespace": "%s"},
         "spec": {"entrypoint": "main", "templates": [{"name": "main"}]}}
        """
            .formatted(name, namespace),
        Workflow.class);
  }

  static <T> T parse(String json, Class<T> type) {
    try {
      return Codec.json().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code obj} with its metadata edited through a tree, as callers of the store do. */
  static <T extends Resource> T withMeta(T obj, String field, Object value) {
    ObjectNode tree = StoreCodec.tree(obj);
    tree.withObject("metadata").set(field, Codec.tree(value));
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) obj.getClass();
    return Codec.convert(tree, type);
  }

  static <T extends Resource> T withFinalizers(T obj, String... finalizers) {
    return withMeta(obj, "finalizers", List.of(finalizers));
  }

  static <T extends Resource> T withLabels(T obj, Map<String, String> labels) {
    return withMeta(obj, "labels", labels);
  }

  static <T extends Resource> T ownedBy(T obj, Resource owner) {
    return withMeta(
        obj,
        "ownerReferences",
        List.of(
            Map.of(
                "apiVersion", owner.apiVersion(),
                "kind", owner.kind(),
                "name", owner.metadata().name(),
                "uid", owner.metadata().uid())));
  }
}
