package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write transaction of a {@link JdbcStore} as a {@link WriteTarget}: it starts by reading (and,
 * where the dialect says so, locking) the counter rows, writes every change straight into the
 * objects and history tables, and {@link #finish}es by storing the new revision and compacting the
 * history, all before the caller commits.
 */
final class JdbcWriteTx implements WriteTarget {
  private final Connection c;
  private final long startRevision;
  private final long compactedThrough;
  private final Map<ObjectKey, Long> versionsRead = new HashMap<>();
  private long revision;

  private JdbcWriteTx(Connection c, long revision, long compactedThrough) {
    this.c = c;
    this.startRevision = revision;
    this.revision = revision;
    this.compactedThrough = compactedThrough;
  }

  /** Reads the counter rows inside the transaction just begun on {@code c}. */
  static JdbcWriteTx begin(Connection c, Dialect dialect) throws SQLException {
    long revision = Schema.meta(c, Schema.REVISION, dialect.lockRows());
    long compacted = Schema.meta(c, Schema.COMPACTED_THROUGH, dialect.lockRows());
    return new JdbcWriteTx(c, revision, compacted);
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public ObjectNode find(ObjectKey key) {
    try {
      ObjectTable.Row row = ObjectTable.find(c, key);
      if (row == null) {
        versionsRead.remove(key);
        return null;
      }
      versionsRead.put(key, row.resourceVersion());
      return row.tree();
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  @Override
  public boolean uidExists(String uid) {
    try {
      return ObjectTable.uidExists(c, uid);
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  @Override
  public List<ObjectKey> ownedBy(String uid) {
    try {
      return ObjectTable.ownedBy(c, uid);
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  @Override
  public void apply(Change change) {
    if (change.version() != revision + 1) {
      throw new IllegalStateException("change at " + change.version() + " after " + revision);
    }
    ObjectKey key = change.key();
    String body = StoreCodec.text(change.object());
    try {
      switch (change.type()) {
        case ADDED -> ObjectTable.insert(c, key, change.object(), body, change.version());
        case MODIFIED -> {
          Long expected = versionsRead.get(key);
          if (expected == null
              || !ObjectTable.update(c, key, change.object(), body, change.version(), expected)) {
            // the row changed after this transaction read it: only a writer bypassing the
            // counter lock could do that, but the database itself is the last word
            throw new StoreException.Conflict(key, String.valueOf(expected), "changed meanwhile");
          }
        }
        case DELETED -> ObjectTable.delete(c, key);
      }
      versionsRead.put(key, change.version());
      HistoryTable.append(c, change, body);
    } catch (SQLException e) {
      throw new Failed(e);
    }
    revision = change.version();
  }

  /**
   * Where this transaction stands before one write of a batch: the revision and the versions it
   * read, to {@link #reset} to when that write's rules fail and its savepoint is rolled back.
   */
  Mark mark() {
    return new Mark(revision, new HashMap<>(versionsRead));
  }

  /** Forgets what the writes since {@code mark} recorded, as their rolled-back savepoint did. */
  void reset(Mark mark) {
    revision = mark.revision();
    versionsRead.clear();
    versionsRead.putAll(mark.versionsRead());
  }

  @Override
  public Stamp stamp(ObjectKey key) {
    try {
      Stamp stamp = ObjectTable.stamp(c, key);
      if (stamp == null) {
        versionsRead.remove(key);
      } else {
        versionsRead.put(key, stamp.resourceVersion());
      }
      return stamp;
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  /**
   * Writes a status patch: the object row's version (and header, and body if the labels changed),
   * the rows of the nodes it names, and one history row holding the delta.
   */
  @Override
  public void applyPatch(Change change) {
    if (change.version() != revision + 1) {
      throw new IllegalStateException("change at " + change.version() + " after " + revision);
    }
    ObjectKey key = change.key();
    StatusDelta delta = change.delta();
    Workflow next = (Workflow) change.typed();
    Long expected = versionsRead.get(key);
    String header = delta.headerChanged() ? StoreCodec.json(delta.header()) : null;
    String body = null;
    if (!Objects.equals(delta.meta().labels(), delta.metaBefore().labels())) {
      body = StoreCodec.json(next.withStatus(null));
    }
    String uid = next.metadata().uid();
    try {
      if (expected == null
          || !ObjectTable.patch(c, key, change.version(), expected, header, body)) {
        throw new StoreException.Conflict(key, String.valueOf(expected), "changed meanwhile");
      }
      NodeTable.delete(c, uid, delta.removed());
      Map<String, String> nodes = new LinkedHashMap<>();
      delta.nodes().forEach((id, node) -> nodes.put(id, StoreCodec.json(node)));
      boolean appends = !delta.added().isEmpty() || !delta.removed().isEmpty();
      NodeTable.upsert(c, uid, nodes, appends ? NodeTable.nextSeq(c, uid) : 0);
      versionsRead.put(key, change.version());
      HistoryTable.appendPatch(c, change, StoreCodec.json(delta));
    } catch (SQLException e) {
      throw new Failed(e);
    }
    revision = change.version();
  }

  /** Stores the revision and drops history beyond the newest {@code historyLimit} changes. */
  void finish(int historyLimit) throws SQLException {
    if (revision == startRevision) {
      return;
    }
    Schema.setMeta(c, Schema.REVISION, revision);
    long compactTo = revision - historyLimit;
    if (compactTo > compactedThrough) {
      HistoryTable.compactThrough(c, compactTo);
      Schema.setMeta(c, Schema.COMPACTED_THROUGH, compactTo);
    }
  }

  /** The in-memory state of a transaction at one moment; see {@link #mark}. */
  record Mark(long revision, Map<ObjectKey, Long> versionsRead) {}

  /** An SQL failure inside the rules' callbacks, unwrapped by {@link JdbcStore}. */
  static final class Failed extends RuntimeException {
    Failed(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
