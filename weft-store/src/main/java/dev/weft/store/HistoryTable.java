package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The statements on {@code weft_changes}: one row per change, keyed by its version. A row of form
 * {@code full} holds the object's body as it was right after the change; a row of form {@code
 * patch} holds the {@link StatusDelta} of a status patch, whose size is that of the change. Only
 * the last N rows are kept; {@code weft_meta.compacted_through} is the newest version removed.
 */
final class HistoryTable {
  static final String FULL = "full";
  static final String PATCH = "patch";

  private static final String COLUMNS = "SELECT version, type, kind, namespace, name, form, body";

  private HistoryTable() {}

  /** Appends a change whose object is {@code body} (its JSON text, made once per write). */
  static void append(Connection c, Change change, String body) throws SQLException {
    append(c, change, FULL, body);
  }

  /** Appends a status patch; {@code delta} is the JSON text of its {@link StatusDelta}. */
  static void appendPatch(Connection c, Change change, String delta) throws SQLException {
    append(c, change, PATCH, delta);
  }

  private static void append(Connection c, Change change, String form, String body)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO weft_changes (version, type, kind, namespace, name, form, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, change.version());
      ps.setString(2, change.type().name());
      int i = ObjectTable.bindKey(ps, 3, change.key());
      ps.setString(i++, form);
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

  /**
   * Up to {@code limit} changes after {@code version}, oldest first; the body of a version {@code
   * known} says is known already is not read (the change has neither object nor delta).
   */
  static List<Change> after(Connection c, long version, int limit, LongPredicate known)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(COLUMNS + " FROM weft_changes WHERE version > ? ORDER BY version")) {
      ps.setLong(1, version);
      ps.setMaxRows(limit);
      return read(ps, known);
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
      return read(ps, v -> false);
    }
  }

  /** The changes to one object from {@code version} on, oldest first. */
  static List<Change> ofObjectFrom(Connection c, ObjectKey key, long version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            COLUMNS
                + " FROM weft_changes WHERE version >= ? AND kind = ? AND namespace = ?"
                + " AND name = ? ORDER BY version")) {
      ps.setLong(1, version);
      ObjectTable.bindKey(ps, 2, key);
      return read(ps, v -> false);
    }
  }

  private static List<Change> read(PreparedStatement ps, LongPredicate known) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long version = rs.getLong(1);
        WatchEvent.Type type = WatchEvent.Type.valueOf(rs.getString(2));
        ResourceKind kind = ResourceKind.ofKindName(rs.getString(3));
        ObjectKey key =
            ObjectKey.of(kind, ObjectTable.namespaceOf(rs.getString(4)), rs.getString(5));
        if (known.test(version)) {
          changes.add(new Change(version, type, key, null, null, null));
        } else if (PATCH.equals(rs.getString(6))) {
          StatusDelta delta = StoreCodec.read(rs.getString(7), StatusDelta.class);
          changes.add(new Change(version, type, key, null, delta, null));
        } else {
          changes.add(new Change(version, type, key, StoreCodec.parse(rs.getString(7))));
        }
      }
    }
    return changes;
  }
}
