package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements on {@code weft_changes}: one row per change, keyed by its version, with the
 * object's body as it was right after the change. Only the last N rows are kept; {@code
 * weft_meta.compacted_through} is the newest version removed.
 */
final class HistoryTable {
  private static final String COLUMNS = "SELECT version, type, kind, namespace, name, body";

  private HistoryTable() {}

  /** Appends a change whose object is {@code body} (its JSON text, made once per write). */
  static void append(Connection c, Change change, String body) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO weft_changes (version, type, kind, namespace, name, body)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, change.version());
      ps.setString(2, change.type().name());
      int i = ObjectTable.bindKey(ps, 3, change.key());
      ps.setString(i, body);
      ps.executeUpdate();
    }
  }

  /** Removes the changes at or before {@code version}. */
  static void compactThrough(Connection c, long version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_changes WHERE version <= ?")) {
      ps.setLong(1, version);
      ps.executeUpdate();
    }
  }

  /** Up to {@code limit} changes after {@code version}, oldest first. */
  static List<Change> after(Connection c, long version, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(COLUMNS + " FROM weft_changes WHERE version > ? ORDER BY version")) {
      ps.setLong(1, version);
      ps.setMaxRows(limit);
      return read(ps);
    }
  }

  /** The changes in {@code (after, through]} to a kind in a namespace (null: all), oldest first. */
  static List<Change> between(
      Connection c, long after, long through, ResourceKind kind, String namespace)
      throws SQLException {
    String sql = COLUMNS + " FROM weft_changes WHERE version > ? AND version <= ? AND kind = ?";
    if (namespace != null) {
      sql += " AND namespace = ?";
    }
    try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY version")) {
      ps.setLong(1, after);
      ps.setLong(2, through);
      ps.setString(3, kind.kindName());
      if (namespace != null) {
        ps.setString(4, namespace);
      }
      return read(ps);
    }
  }

  private static List<Change> read(PreparedStatement ps) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ResourceKind kind = ResourceKind.ofKindName(rs.getString(3));
        ObjectKey key =
            ObjectKey.of(kind, ObjectTable.namespaceOf(rs.getString(4)), rs.getString(5));
        changes.add(
            new Change(
                rs.getLong(1),
                WatchEvent.Type.valueOf(rs.getString(2)),
                key,
                StoreCodec.parse(rs.getString(6))));
      }
    }
    return changes;
  }
}
