package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements on {@code weft_nodes}: a workflow's status nodes, one row each, keyed by the
 * workflow's uid and the node id; {@code seq} keeps the order of the status (a new node goes after
 * every existing one, a rewritten node keeps its place).
 */
final class NodeTable {
  private NodeTable() {}

  /** The node texts of one workflow by id, in order. */
  static Map<String, String> of(Connection c, String ownerUid) throws SQLException {
    Map<String, String> nodes = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT node_id, body FROM weft_nodes WHERE owner_uid = ? ORDER BY seq")) {
      ps.setString(1, ownerUid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          nodes.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return nodes;
  }

  /** The node texts of every workflow of a namespace (null: all), by owner uid, each in order. */
  static Map<String, Map<String, String>> ofNamespace(Connection c, String namespace)
      throws SQLException {
    String sql =
        "SELECT n.owner_uid, n.node_id, n.body FROM weft_nodes n"
            + " JOIN weft_objects o ON o.uid = n.owner_uid WHERE o.kind = ?"
            + (namespace == null ? "" : " AND o.namespace = ?")
            + " ORDER BY n.owner_uid, n.seq";
    Map<String, Map<String, String>> byOwner = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ResourceKind.WORKFLOW.kindName());
      if (namespace != null) {
        ps.setString(2, namespace);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byOwner
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return byOwner;
  }

  /**
   * Makes the nodes of {@code ownerUid} equal {@code nodes} (texts by id, in order), writing only
   * the rows that differ when the stored order allows: when the nodes kept are in their stored
   * order and the new ones come after them, as a run adds nodes. Otherwise every row is rewritten.
   */
  static void replaceAll(Connection c, String ownerUid, Map<String, String> nodes)
      throws SQLException {
    Map<String, String> stored = of(c, ownerUid);
    List<String> kept = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (String id : stored.keySet()) {
      (nodes.containsKey(id) ? kept : gone).add(id);
    }
    Iterator<String> order = nodes.keySet().iterator();
    for (String id : kept) {
      if (!order.next().equals(id)) {
        deleteAll(c, ownerUid);
        upsert(c, ownerUid, nodes, 0);
        return;
      }
    }
    delete(c, ownerUid, gone);
    Map<String, String> changed = new LinkedHashMap<>();
    nodes.forEach(
        (id, text) -> {
          if (!text.equals(stored.get(id))) {
            changed.put(id, text);
          }
        });
    upsert(c, ownerUid, changed, kept.size() < nodes.size() ? nextSeq(c, ownerUid) : 0);
  }

  /**
   * Writes {@code nodes} (texts by id): an existing row gets the new text and keeps its place, a
   * new one is numbered from {@code nextSeq} on, in the order given.
   */
  static void upsert(Connection c, String ownerUid, Map<String, String> nodes, long nextSeq)
      throws SQLException {
    if (nodes.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO weft_nodes (owner_uid, node_id, seq, body) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (owner_uid, node_id) DO UPDATE SET body = excluded.body")) {
      long seq = nextSeq;
      for (Map.Entry<String, String> n : nodes.entrySet()) {
        ps.setString(1, ownerUid);
        ps.setString(2, n.getKey());
        ps.setLong(3, seq++);
        ps.setString(4, n.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The number after the highest {@code seq} of the workflow's nodes (0 if none). */
  static long nextSeq(Connection c, String ownerUid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(seq) FROM weft_nodes WHERE owner_uid = ?")) {
      ps.setString(1, ownerUid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long max = rs.getLong(1);
        return rs.wasNull() ? 0 : max + 1;
      }
    }
  }

  static void delete(Connection c, String ownerUid, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM weft_nodes WHERE owner_uid = ? AND node_id = ?")) {
      for (String id : ids) {
        ps.setString(1, ownerUid);
        ps.setString(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void deleteAll(Connection c, String ownerUid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_nodes WHERE owner_uid = ?")) {
      ps.setString(1, ownerUid);
      ps.executeUpdate();
    }
  }
}
