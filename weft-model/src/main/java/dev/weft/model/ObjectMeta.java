package dev.weft.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes object metadata: identity, labels and the fields the store maintains. */
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    String uid,
    String resourceVersion,
    Long generation,
    String creationTimestamp,
    String deletionTimestamp,
    List<String> finalizers,
    List<JsonNode> ownerReferences) {

  /**
   * The collections are unmodifiable copies: stores hand one metadata instance to many readers (the
   * typed caches), so what one caller does to it must not reach the next.
   */
  public ObjectMeta {
    labels = labels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations =
        annotations == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    finalizers =
        finalizers == null ? null : Collections.unmodifiableList(new ArrayList<>(finalizers));
    ownerReferences =
        ownerReferences == null
            ? null
            : Collections.unmodifiableList(new ArrayList<>(ownerReferences));
  }

  public static ObjectMeta named(String name) {
    return new ObjectMeta(name, null, null, null, null, null, null, null, null, null, null, null);
  }

  public Map<String, String> labelsOrEmpty() {
    return labels == null ? Map.of() : labels;
  }

  public Map<String, String> annotationsOrEmpty() {
    return annotations == null ? Map.of() : annotations;
  }

  public String namespaceOrDefault() {
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  public ObjectMeta withName(String newName) {
    return new ObjectMeta(
        newName,
        generateName,
        namespace,
        labels,
        annotations,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        finalizers,
        ownerReferences);
  }

  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        newLabels,
        annotations,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        finalizers,
        ownerReferences);
  }

  public ObjectMeta withNamespace(String ns) {
    return new ObjectMeta(
        name,
        generateName,
        ns,
        labels,
        annotations,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        finalizers,
        ownerReferences);
  }
}
