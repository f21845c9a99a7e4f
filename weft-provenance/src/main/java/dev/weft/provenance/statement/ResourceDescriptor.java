package dev.weft.provenance.statement;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * in-toto's ResourceDescriptor, the shape of a subject, a resolved dependency and a byproduct:
 * {@code name, uri, digest, mediaType, content (base64), annotations}, each written only when set.
 * in-toto asks for at least one of uri, digest and content; a subject must have a digest.
 *
 * <p>Digest and annotation maps are kept sorted so that the statement's bytes never depend on the
 * order facts were gathered in.
 */
public record ResourceDescriptor(
    String name,
    String uri,
    SortedMap<String, String> digest,
    String mediaType,
    byte[] content,
    SortedMap<String, String> annotations) {

  /** Orders descriptors in a statement: by name, then uri, then sha256. */
  public static final Comparator<ResourceDescriptor> ORDER =
      Comparator.comparing(ResourceDescriptor::name, Comparator.nullsFirst(String::compareTo))
          .thenComparing(ResourceDescriptor::uri, Comparator.nullsFirst(String::compareTo))
          .thenComparing(d -> d.digest().getOrDefault("sha256", ""));

  public ResourceDescriptor {
    digest = digest == null ? new TreeMap<>() : new TreeMap<>(digest);
    annotations = annotations == null ? new TreeMap<>() : new TreeMap<>(annotations);
    content = content == null ? null : content.clone();
    if (uri == null && digest.isEmpty() && content == null) {
      throw new IllegalArgumentException(
          "a resource descriptor needs a uri, a digest or content (" + name + ")");
    }
  }

  /** A named thing known by the sha256 of its bytes: a subject, a log. */
  public static ResourceDescriptor sha256(String name, String hex) {
    return new ResourceDescriptor(name, null, digestOf("sha256", hex), null, null, null);
  }

  /** A thing at {@code uri}, with its digests (none when its bytes cannot be read). */
  public static ResourceDescriptor at(
      String uri, Map<String, String> digest, Map<String, String> annotations) {
    return new ResourceDescriptor(
        null, uri, new TreeMap<>(digest), null, null, new TreeMap<>(annotations));
  }

  /** A small value carried inline, as a byproduct. */
  public static ResourceDescriptor inline(String name, String mediaType, byte[] content) {
    return new ResourceDescriptor(name, null, null, mediaType, content, null);
  }

  public static SortedMap<String, String> digestOf(String algorithm, String hex) {
    SortedMap<String, String> d = new TreeMap<>();
    d.put(algorithm, Objects.requireNonNull(hex, algorithm));
    return d;
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    if (name != null) n.put("name", name);
    if (uri != null) n.put("uri", uri);
    if (!digest.isEmpty()) {
      ObjectNode d = n.putObject("digest");
      digest.forEach(d::put);
    }
    if (mediaType != null) n.put("mediaType", mediaType);
    if (content != null) n.put("content", Base64.getEncoder().encodeToString(content));
    if (!annotations.isEmpty()) {
      ObjectNode a = n.putObject("annotations");
      annotations.forEach(a::put);
    }
    return n;
  }

  @Override
  public byte[] content() {
    return content == null ? null : content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceDescriptor r
        && Objects.equals(name, r.name)
        && Objects.equals(uri, r.uri)
        && digest.equals(r.digest)
        && Objects.equals(mediaType, r.mediaType)
        && Arrays.equals(content, r.content)
        && annotations.equals(r.annotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, uri, digest, mediaType, annotations) * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
