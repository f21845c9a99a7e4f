package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.status.StatusPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link Store} in a SQL database (SQLite or PostgreSQL, see {@link Stores#open}): objects in
 * {@code weft_objects} (a workflow's nodes in {@code weft_nodes}, see {@link WorkflowRows}), the
 * change history in {@code weft_changes} (a status patch as its {@link StatusDelta}), a typed cache
 * of recently read or written workflows by resourceVersion, the global revision in a counter row of
 * {@code weft_meta} that every write transaction reads, locks and advances. The semantics are
 * {@link StoreWrites}', run inside the transaction; a write is visible, durable and watchable once
 * its transaction commits, and concurrent writes share transactions ({@link WriteQueue}). Several
 * stores (in several processes) may share one database; watches see all of their writes.
 */
public final class JdbcStore implements Store, AutoCloseable {
  private static final int READERS = 4;
  private static final int CACHED_WORKFLOWS = 256;

  private final Dialect dialect;
  private final StoreWrites writes;
  private final ConnectionPool writer;
  private final ConnectionPool readers;
  private final HistoryFeed feed;
  private final WriteQueue queue;
  private final TypedCache cache = new TypedCache(CACHED_WORKFLOWS);

  /** Opens the database, creating the tables if missing. */
  JdbcStore(Dialect dialect, JdbcOptions options) {
    this.dialect = dialect;
    this.writes = new StoreWrites(new ObjectLifecycle(options.clock(), options.random()));
    this.writer = new ConnectionPool(dialect, true, 1);
    this.readers = new ConnectionPool(dialect, false, READERS);
    this.feed = new HistoryFeed(readers, options.pollInterval());
    this.queue = new WriteQueue(writer, dialect, options.historyLimit(), feed::wakeUp);
    try {
      writer.transact(
          c -> {
            Schema.ensure(c, dialect);
            return null;
          });
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public <T extends Resource> T create(T obj) {
    return writeObject(tx -> StoreCodec.typed(obj, writes.create(tx, obj)));
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    if (!WorkflowRows.splits(key.kind())) {
      ObjectTable.Row row = readers.transact(c -> ObjectTable.find(c, key));
      return Optional.ofNullable(row).map(r -> StoreCodec.convert(r.tree(), kind));
    }
    // a workflow: its version first, and the body and nodes only if not cached at that version
    record Read(Resource cached, ObjectTable.Row row) {}
    Read read =
        readers.transact(
            c -> {
              WriteTarget.Stamp stamp = ObjectTable.stamp(c, key);
              if (stamp == null) {
                return null;
              }
              Resource hit = cache.get(key, stamp.resourceVersion());
              return hit != null ? new Read(hit, null) : new Read(null, ObjectTable.find(c, key));
            });
    if (read == null || (read.cached() == null && read.row() == null)) {
      cache.remove(key);
      return Optional.empty();
    }
    if (read.cached() != null) {
      return Optional.of(kind.cast(read.cached()));
    }
    T obj = StoreCodec.convert(read.row().tree(), kind);
    cache.put(key, obj);
    return Optional.of(obj);
  }

  @Override
  public <T extends Resource> ListResult<T> listWithVersion(
      Class<T> kind, String namespace, LabelSelector selector) {
    ResourceKind rk = ResourceKind.of(kind);
    String ns = allNamespaces(rk, namespace) ? null : ObjectKey.of(rk, namespace, "-").namespace();
    record Snapshot(List<ObjectNode> trees, long revision) {}
    Snapshot snapshot =
        readers.transact(
            c -> {
              long revision = Schema.meta(c, Schema.REVISION, "");
              return new Snapshot(ObjectTable.list(c, rk, ns), revision);
            });
    LabelSelector sel = selector == null ? LabelSelector.everything() : selector;
    List<T> items = new ArrayList<>();
    for (ObjectNode tree : snapshot.trees()) {
      T obj = StoreCodec.convert(tree, kind);
      if (sel.matches(obj.metadata().labels())) {
        items.add(obj);
      }
    }
    return new ListResult<>(items, Long.toString(snapshot.revision()));
  }

  @Override
  public <T extends Resource> T update(T obj) {
    record Updated<T>(T result, ObjectKey finalized) {}
    Updated<T> updated =
        queue.submit(
            tx -> {
              ObjectNode tree = writes.update(tx, obj);
              ObjectKey gone =
                  ObjectLifecycle.isFinalized(tree) ? ObjectLifecycle.keyOf(tree) : null;
              return new Updated<>(StoreCodec.typed(obj, tree), gone);
            },
            u -> {
              if (u.finalized() != null) {
                cache.remove(u.finalized());
              } else {
                handOver(u.result());
              }
            });
    return updated.result();
  }

  @Override
  public <T extends Resource> T updateStatus(T obj) {
    return writeObject(tx -> StoreCodec.afterStatusUpdate(obj, writes.updateStatus(tx, obj)));
  }

  /**
   * Writes only what {@code patch} names: the workflow's version and status header, the rows of the
   * changed nodes, and one history row with the delta; the result is built from {@code current},
   * never read back.
   */
  @Override
  public Workflow patchStatus(Workflow current, StatusPatch patch, Map<String, String> labels) {
    return writeObject(tx -> writes.patchStatus(tx, current, patch, labels));
  }

  /**
   * Hands an object this process just committed to the cache and the watches' feed (which the queue
   * wakes next). An object without kind or apiVersion (an updateStatus answer keeps the caller's)
   * is not what a read returns, so the watches read it back instead.
   */
  private void handOver(Resource obj) {
    ObjectKey key = ObjectLifecycle.keyOf(obj);
    if (obj.kind() == null || obj.apiVersion() == null) {
      cache.remove(key);
      return;
    }
    cache.put(key, obj);
    feed.ownWrite(Long.parseLong(obj.metadata().resourceVersion()), obj);
  }

  @Override
  public void delete(Class<? extends Resource> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    write(
        tx -> {
          writes.delete(tx, key);
          return null;
        });
    cache.remove(key);
  }

  @Override
  public Watch watch(
      Class<? extends Resource> kind,
      String namespace,
      String fromResourceVersion,
      Consumer<WatchEvent> handler) {
    ResourceKind rk = ResourceKind.of(kind);
    String ns = allNamespaces(rk, namespace) ? null : namespace;
    return feed.watch(rk, ns, fromResourceVersion, handler);
  }

  @Override
  public String currentResourceVersion() {
    return Long.toString(readers.transact(c -> Schema.meta(c, Schema.REVISION, "")));
  }

  /** Where the store keeps its data, for messages. */
  public String describe() {
    return dialect.describe();
  }

  /** Runs {@code work} on a writer connection; for tests that look at the database itself. */
  <R> R withWriter(SqlFunction<R> work) {
    return writer.transact(work);
  }

  /** The queue that batches this store's writes; for tests that look at its batches. */
  WriteQueue writeQueue() {
    return queue;
  }

  /** Stops the watches' poller and closes the connections. */
  @Override
  public void close() {
    feed.close();
    readers.close();
    writer.close();
  }

  /**
   * Runs one write's rules on a {@link JdbcWriteTx}, in a transaction shared with the writes of
   * other threads that queued meanwhile ({@link WriteQueue}); returns once that transaction
   * committed and the watches were woken.
   */
  private <R> R write(Function<JdbcWriteTx, R> work) {
    return queue.submit(work, committed -> {});
  }

  /**
   * As {@link #write}, for a write whose answer is the stored object: it reaches the cache and the
   * watches' feed after the commit and before they are woken, so they need not read it back.
   */
  private <T extends Resource> T writeObject(Function<JdbcWriteTx, T> work) {
    return queue.submit(work, this::handOver);
  }

  private static boolean allNamespaces(ResourceKind kind, String namespace) {
    return !kind.namespaced() || namespace == null || namespace.isEmpty();
  }
}
