package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements on {@code weft_objects} (one row per object: its key, uid, resourceVersion and
 * JSON body) and {@code weft_owner_refs} (one row per ownerReference, for cascading deletion).
 * Cluster-scoped objects have the empty namespace.
 */
final class ObjectTable {
  private static final String KEY = "kind = ? AND namespace = ? AND name = ?";

  private ObjectTable() {}

  /** A stored object's body and version. */
  record Row(ObjectNode tree, long resourceVersion) {}

  static Row find(Connection c, ObjectKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT body, resource_version FROM weft_objects WHERE " + KEY)) {
      bindKey(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Row(StoreCodec.parse(rs.getString(1)), rs.getLong(2)) : null;
      }
    }
  }

  /** The bodies of a kind's objects in a namespace (null: all), in namespace and name order. */
  static List<ObjectNode> list(Connection c, ResourceKind kind, String namespace)
      throws SQLException {
    String sql = "SELECT namespace, name, body FROM weft_objects WHERE kind = ?";
    if (namespace != null) {
      sql += " AND namespace = ?";
    }
    record Listed(String namespace, String name, ObjectNode tree) {}
    List<Listed> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, kind.kindName());
      if (namespace != null) {
        ps.setString(2, namespace);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Listed(rs.getString(1), rs.getString(2), StoreCodec.parse(rs.getString(3))));
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

  static void insert(Connection c, ObjectKey key, ObjectNode tree, String body, long version)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO weft_objects (kind, namespace, name, uid, resource_version, body)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      int i = bindKey(ps, 1, key);
      ps.setString(i++, ObjectLifecycle.uidOf(tree));
      ps.setLong(i++, version);
      ps.setString(i, body);
      ps.executeUpdate();
    }
    insertOwnerRefs(c, key, tree);
  }

  /**
   * Replaces the row if it is still at {@code expectedVersion}; false if it is not (or is gone).
   */
  static boolean update(
      Connection c, ObjectKey key, ObjectNode tree, String body, long version, long expectedVersion)
      throws SQLException {
    int updated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE weft_objects SET body = ?, resource_version = ? WHERE "
                + KEY
                + " AND resource_version = ?")) {
      ps.setString(1, body);
      ps.setLong(2, version);
      int i = bindKey(ps, 3, key);
      ps.setLong(i, expectedVersion);
      updated = ps.executeUpdate();
    }
    if (updated == 1) {
      deleteOwnerRefs(c, key);
      insertOwnerRefs(c, key, tree);
    }
    return updated == 1;
  }

  static void delete(Connection c, ObjectKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_objects WHERE " + KEY)) {
      bindKey(ps, 1, key);
      ps.executeUpdate();
    }
    deleteOwnerRefs(c, key);
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
