package dev.weft.kube.store;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntBiFunction;

/**
 * The JSON Patch (RFC 6902) that writes a {@link StatusPatch} to a stored workflow, built from the
 * patch alone: the resourceVersion it is based on (a stale one is a 409), one operation per changed
 * status field, each changed node whole ({@code add} replaces a member that exists), one {@code
 * remove} per removed node, and the labels. Nothing unchanged is encoded, so building and sending
 * it costs the size of the change. It also says by how many bytes the change alters the workflow's
 * encoding, for the size guard ({@link WorkflowSizes}).
 *
 * <p>JSON Patch rather than a merge patch, for the reason {@link JsonPatch} records: a node's lists
 * ({@code children}) would be appended to by some servers.
 *
 * @param json the patch document
 * @param sizeChange the change in bytes of Weft's encoding of the workflow (exact but for commas
 *     and the resourceVersion's length)
 * @param nodeSizes the encoded size of each node written
 */
record StatusJsonPatch(String json, long sizeChange, Map<String, Integer> nodeSizes) {
  /** The status fields besides the nodes, as Jackson names them (a record's components). */
  private static final List<RecordComponent> HEADER =
      Arrays.stream(WorkflowStatus.class.getRecordComponents())
          .filter(c -> !c.getName().equals("nodes"))
          .toList();

  /**
   * The patch turning {@code current} (as read, at its resourceVersion) into {@code current} with
   * {@code patch} applied and, if {@code labels} is not null, those labels.
   *
   * @param oldNodeSize the encoded size of a node of {@code current}, by id
   */
  static StatusJsonPatch build(
      Workflow current,
      StatusPatch patch,
      Map<String, String> labels,
      ToIntBiFunction<String, NodeStatus> oldNodeSize) {
    Ops ops = new Ops();
    String rv = current.metadata().resourceVersion();
    ops.op("replace", "/metadata/resourceVersion", json(rv == null ? "" : rv));
    Map<String, Integer> sizes = new LinkedHashMap<>();
    WorkflowStatus old = current.status();
    if (old == null) {
      byte[] status = json(patch.applyTo(null));
      ops.op("add", "/status", status);
      ops.size += member("status", status.length);
    } else {
      if (patch.headerChanged()) header(old, patch.header(), ops);
      nodes(old, patch, ops, sizes, oldNodeSize);
    }
    if (labels != null) labels(current.metadata().labels(), labels, ops);
    return new StatusJsonPatch(ops.finish(), ops.size, sizes);
  }

  private static void header(WorkflowStatus old, WorkflowStatus now, Ops ops) {
    for (RecordComponent c : HEADER) {
      Object was = value(c, old);
      Object is = value(c, now);
      if (Objects.equals(was, is)) continue;
      String path = "/status/" + c.getName();
      if (is == null) {
        ops.op("remove", path, null);
        ops.size -= member(c.getName(), json(was).length);
      } else {
        byte[] value = json(is);
        ops.op("add", path, value);
        ops.size +=
            was == null ? member(c.getName(), value.length) : value.length - json(was).length;
      }
    }
  }

  private static void nodes(
      WorkflowStatus old,
      StatusPatch patch,
      Ops ops,
      Map<String, Integer> sizes,
      ToIntBiFunction<String, NodeStatus> oldNodeSize) {
    Map<String, NodeStatus> before = old.nodesOrEmpty();
    boolean hadNodes = old.nodes() != null;
    boolean hasNodes = patch.header().nodes() != null || !patch.changed().isEmpty();
    if (!hadNodes) {
      if (!hasNodes) return;
      // no nodes member to add to: write the member whole (every node in it is new)
      var whole = new ByteArrayOutputStream();
      whole.write('{');
      for (var e : patch.changed().entrySet()) {
        if (whole.size() > 1) whole.write(',');
        byte[] node = json(e.getValue());
        sizes.put(e.getKey(), node.length);
        whole.writeBytes(json(e.getKey()));
        whole.write(':');
        whole.writeBytes(node);
      }
      whole.write('}');
      ops.op("add", "/status/nodes", whole.toByteArray());
      ops.size += member("nodes", whole.size());
      return;
    }
    for (String id : patch.removed()) {
      NodeStatus gone = before.get(id);
      if (gone == null) continue;
      ops.op("remove", nodePath(id), null);
      ops.size -= member(id, oldNodeSize.applyAsInt(id, gone));
    }
    for (var e : patch.changed().entrySet()) {
      String id = e.getKey();
      byte[] node = json(e.getValue());
      sizes.put(id, node.length);
      ops.op("add", nodePath(id), node);
      NodeStatus was = before.get(id);
      ops.size +=
          was == null ? member(id, node.length) : node.length - oldNodeSize.applyAsInt(id, was);
    }
    if (!hasNodes && before.size() == patch.removed().size()) {
      ops.op("remove", "/status/nodes", null);
      ops.size -= member("nodes", 2);
    }
  }

  private static void labels(Map<String, String> old, Map<String, String> now, Ops ops) {
    if (old == null) {
      byte[] value = json(now);
      ops.op("add", "/metadata/labels", value);
      ops.size += member("labels", value.length);
      return;
    }
    for (var e : old.entrySet()) {
      if (now.containsKey(e.getKey())) continue;
      ops.op("remove", "/metadata/labels/" + JsonPatch.escape(e.getKey()), null);
      ops.size -= member(e.getKey(), json(e.getValue()).length);
    }
    for (var e : now.entrySet()) {
      String was = old.get(e.getKey());
      if (Objects.equals(e.getValue(), was)) continue;
      byte[] value = json(e.getValue());
      ops.op("add", "/metadata/labels/" + JsonPatch.escape(e.getKey()), value);
      ops.size += was == null ? member(e.getKey(), value.length) : value.length - json(was).length;
    }
  }

  private static String nodePath(String id) {
    return "/status/nodes/" + JsonPatch.escape(id);
  }

  /** The bytes a member {@code "name":value,} takes in an object, given its value's length. */
  private static long member(String name, int valueLength) {
    return json(name).length + 2L + valueLength;
  }

  private static Object value(RecordComponent c, WorkflowStatus status) {
    try {
      return c.getAccessor().invoke(status);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read WorkflowStatus." + c.getName(), e);
    }
  }

  private static byte[] json(Object value) {
    try {
      return Codec.json().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document being written: a JSON array of operations. */
  private static final class Ops {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long size;

    Ops() {
      out.write('[');
    }

    void op(String op, String path, byte[] value) {
      if (out.size() > 1) out.write(',');
      out.writeBytes(("{\"op\":\"" + op + "\",\"path\":").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(json(path));
      if (value != null) {
        out.writeBytes(",\"value\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
      }
      out.write('}');
    }

    String finish() {
      out.write(']');
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
