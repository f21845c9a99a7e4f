package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements on {@code weft_objects} (one row per object: its key, uid, resourceVersion and
 * JSON body, a workflow's split as {@link WorkflowRows} says) and {@code weft_owner_refs} (one row
 * per ownerReference, for cascading deletion). Cluster-scoped objects have the empty namespace.
 */
final class ObjectTable {
  private static final String KEY = "kind = ? AND namespace = ? AND name = ?";

  private ObjectTable() {}

  /** A stored object's body and version. */
  record Row(ObjectNode tree, long resourceVersion) {}

  static Row find(Connection c, ObjectKey key) throws SQLException {
    String body;
    String status;
    String uid;
    long version;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT body, resource_version, status, uid FROM weft_objects WHERE " + KEY)) {
      bindKey(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        body = rs.getString(1);
        version = rs.getLong(2);
        status = rs.getString(3);
        uid = rs.getString(4);
      }
    }
    if (!WorkflowRows.splits(key.kind())) {
      return new Row(StoreCodec.parse(body), version);
    }
    return new Row(WorkflowRows.assemble(body, status, NodeTable.of(c, uid), version), version);
  }

  /** The stored object's uid and resourceVersion, without its body; null if there is none. */
  static WriteTarget.Stamp stamp(Connection c, ObjectKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT uid, resource_version FROM weft_objects WHERE " + KEY)) {
      bindKey(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new WriteTarget.Stamp(rs.getString(1), rs.getLong(2)) : null;
      }
    }
  }

  /** The bodies of a kind's objects in a namespace (null: all), in namespace and name order. */
  static List<ObjectNode> list(Connection c, ResourceKind kind, String namespace)
      throws SQLException {
    String sql =
        "SELECT namespace, name, body, status, uid, resource_version FROM weft_objects"
            + " WHERE kind = ?";
    if (namespace != null) {
      sql += " AND namespace = ?";
    }
    record Listed(String namespace, String name, ObjectNode tree) {}
    boolean split = WorkflowRows.splits(kind);
    Map<String, Map<String, String>> nodes = split ? NodeTable.ofNamespace(c, namespace) : Map.of();
    List<Listed> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, kind.kindName());
      if (namespace != null) {
        ps.setString(2, namespace);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ObjectNode tree =
              split
                  ? WorkflowRows.assemble(
                      rs.getString(3),
                      rs.getString(4),
                      nodes.getOrDefault(rs.getString(5), Map.of()),
                      rs.getLong(6))
                  : StoreCodec.parse(rs.getString(3));
          rows.add(new Listed(rs.getString(1), rs.getString(2), tree));
        }
      }
    }
    // sorted here, as Java orders strings, whatever the database's collation
    rows.sort(java.util.Comparator.comparing(Listed::namespace).thenComparing(Listed::name));
    return rows.stream().map(Listed::tree).toList();
  }

  static boolean uidExists(Connection c, String uid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM weft_objects WHERE uid = ?")) {
      ps.setString(1, uid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static List<ObjectKey> ownedBy(Connection c, String uid) throws SQLException {
    List<ObjectKey> keys = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, namespace, name FROM weft_owner_refs WHERE owner_uid = ?")) {
      ps.setString(1, uid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ResourceKind kind = ResourceKind.ofKindName(rs.getString(1));
          keys.add(ObjectKey.of(kind, namespaceOf(rs.getString(2)), rs.getString(3)));
        }
      }
    }
    return keys;
  }

  /** Inserts a new object; {@code body} is its whole text, used as is for kinds not split. */
  static void insert(Connection c, ObjectKey key, ObjectNode tree, String body, long version)
      throws SQLException {
    WorkflowRows.Split split = splitOf(key, tree, body);
    String uid = ObjectLifecycle.uidOf(tree);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO weft_objects (kind, namespace, name, uid, resource_version, body, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int i = bindKey(ps, 1, key);
      ps.setString(i++, uid);
      ps.setLong(i++, version);
      ps.setString(i++, split.body());
      ps.setString(i, split.status());
      ps.executeUpdate();
    }
    NodeTable.upsert(c, uid, split.nodes(), 0);
    insertOwnerRefs(c, key, tree);
  }

  /**
   * Moves a workflow to {@code version} if it is still at {@code expectedVersion}, rewriting only
   * the status header and the body if given (non-null); false if it is not (or is gone).
   */
  static boolean patch(
      Connection c, ObjectKey key, long version, long expectedVersion, String status, String body)
      throws SQLException {
    String sql =
        "UPDATE weft_objects SET resource_version = ?"
            + (status == null ? "" : ", status = ?")
            + (body == null ? "" : ", body = ?")
            + " WHERE "
            + KEY
            + " AND resource_version = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, version);
      if (status != null) {
        ps.setString(i++, status);
      }
      if (body != null) {
        ps.setString(i++, body);
      }
      i = bindKey(ps, i, key);
      ps.setLong(i, expectedVersion);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Replaces the row if it is still at {@code expectedVersion}; false if it is not (or is gone).
   */
  static boolean update(
      Connection c, ObjectKey key, ObjectNode tree, String body, long version, long expectedVersion)
      throws SQLException {
    int updated;
    WorkflowRows.Split split = splitOf(key, tree, body);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE weft_objects SET body = ?, status = ?, resource_version = ? WHERE "
                + KEY
                + " AND resource_version = ?")) {
      ps.setString(1, split.body());
      ps.setString(2, split.status());
      ps.setLong(3, version);
      int i = bindKey(ps, 4, key);
      ps.setLong(i, expectedVersion);
      updated = ps.executeUpdate();
    }
    if (updated == 1 && WorkflowRows.splits(key.kind())) {
      NodeTable.replaceAll(c, ObjectLifecycle.uidOf(tree), split.nodes());
    }
    if (updated == 1) {
      deleteOwnerRefs(c, key);
      insertOwnerRefs(c, key, tree);
    }
    return updated == 1;
  }

  static void delete(Connection c, ObjectKey key) throws SQLException {
    if (WorkflowRows.splits(key.kind())) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM weft_nodes WHERE owner_uid IN (SELECT uid FROM weft_objects WHERE "
                  + KEY
                  + ")")) {
        bindKey(ps, 1, key);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_objects WHERE " + KEY)) {
      bindKey(ps, 1, key);
      ps.executeUpdate();
    }
    deleteOwnerRefs(c, key);
  }

  private static WorkflowRows.Split splitOf(ObjectKey key, ObjectNode tree, String body) {
    return WorkflowRows.splits(key.kind())
        ? WorkflowRows.split(tree)
        : new WorkflowRows.Split(body, null, Map.of());
  }

  /** The namespace column of a key: the empty string for cluster-scoped objects. */
  static String namespaceColumn(String namespace) {
    return namespace == null ? "" : namespace;
  }

  static String namespaceOf(String column) {
    return column.isEmpty() ? null : column;
  }

  /** Binds kind, namespace and name from {@code index}; returns the next index. */
  static int bindKey(PreparedStatement ps, int index, ObjectKey key) throws SQLException {
    ps.setString(index, key.kind().kindName());
    ps.setString(index + 1, namespaceColumn(key.namespace()));
    ps.setString(index + 2, key.name());
    return index + 3;
  }

  private static void insertOwnerRefs(Connection c, ObjectKey key, ObjectNode tree)
      throws SQLException {
    List<String> owners = ObjectLifecycle.ownerUids(tree).stream().distinct().toList();
    if (owners.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO weft_owner_refs (owner_uid, kind, namespace, name) VALUES (?, ?, ?, ?)")) {
      for (String owner : owners) {
        ps.setString(1, owner);
        bindKey(ps, 2, key);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void deleteOwnerRefs(Connection c, ObjectKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_owner_refs WHERE " + KEY)) {
      bindKey(ps, 1, key);
      ps.executeUpdate();
    }
  }
}
