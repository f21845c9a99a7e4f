package dev.weft.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Argo's answer to etcd's object size limit: a workflow too big to store has its nodes moved to
 * {@code status.compressedNodes} (base64 of gzip of the nodes' JSON), which Argo's tools read too.
 */
public final class NodePacking {
  /** Argo's MAX_WORKFLOW_SIZE: the JSON size above which nodes are compressed. */
  public static final int DEFAULT_LIMIT = 1024 * 1024;

  private NodePacking() {}

  /** The workflow as stored: nodes compressed when its JSON exceeds {@code limit} bytes. */
  public static ObjectNode pack(ObjectNode workflow, int limit) {
    if (size(workflow) <= limit) return workflow;
    JsonNode status = workflow.get("status");
    if (status == null || !status.has("nodes")) return workflow;
    ObjectNode packed = workflow.deepCopy();
    ObjectNode s = (ObjectNode) packed.get("status");
    s.put("compressedNodes", compress(s.remove("nodes")));
    return packed;
  }

  /** The workflow as Weft reads it: compressed nodes expanded back into {@code status.nodes}. */
  public static ObjectNode unpack(ObjectNode workflow) {
    JsonNode status = workflow.get("status");
    if (status == null || !status.hasNonNull("compressedNodes")) return workflow;
    ObjectNode out = workflow.deepCopy();
    ObjectNode s = (ObjectNode) out.get("status");
    s.set("nodes", expand(s.remove("compressedNodes").asText()));
    return out;
  }

  public static int size(JsonNode tree) {
    try {
      return Codec.json().writeValueAsBytes(tree).length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String compress(JsonNode nodes) {
    var bytes = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(bytes)) {
      gz.write(Codec.json().writeValueAsBytes(nodes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  static JsonNode expand(String text) {
    try (var gz = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
      return Codec.json().readTree(gz);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("status.compressedNodes is not base64 gzip JSON", e);
    }
  }
}
