package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database made by an older Weft to {@link Schema#VERSION}, inside the schema transaction
 * of {@link Schema#ensure} (so a crash leaves it as it was). A newer database is refused there.
 */
final class SchemaMigration {
  private SchemaMigration() {}

  /** Migrates from layout {@code from}; the tables of the current layout already exist. */
  static void toCurrent(Connection c, long from) throws SQLException {
    if (from < 2) {
      splitWorkflows(c);
    }
  }

  /**
   * 1 → 2: the status column and the history's form column; every workflow's body split into body,
   * status header and node rows. History rows stay whole ({@code full}).
   */
  private static void splitWorkflows(Connection c) throws SQLException {
    Dialect.exec(c, "ALTER TABLE weft_objects ADD COLUMN status TEXT");
    Dialect.exec(c, "ALTER TABLE weft_changes ADD COLUMN form VARCHAR(8) NOT NULL DEFAULT 'full'");
    record Stored(String namespace, String name, String uid, String body) {}
    List<Stored> workflows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT namespace, name, uid, body FROM weft_objects WHERE kind = ?")) {
      ps.setString(1, ResourceKind.WORKFLOW.kindName());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          workflows.add(
              new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE weft_objects SET body = ?, status = ?"
                + " WHERE kind = ? AND namespace = ? AND name = ?")) {
      for (Stored w : workflows) {
        WorkflowRows.Split split = WorkflowRows.split(StoreCodec.parse(w.body()));
        ps.setString(1, split.body());
        ps.setString(2, split.status());
        ps.setString(3, ResourceKind.WORKFLOW.kindName());
        ps.setString(4, w.namespace());
        ps.setString(5, w.name());
        ps.executeUpdate();
        NodeTable.upsert(c, w.uid(), split.nodes(), 0);
      }
    }
  }
}
