package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link Store} in a SQL database (SQLite or PostgreSQL, see {@link Stores#open}): objects in
 * {@code weft_objects}, the change history in {@code weft_changes}, the global revision in a
 * counter row of {@code weft_meta} that every write transaction reads, locks and advances. The
 * semantics are {@link StoreWrites}', run inside the transaction; a write is visible, durable and
 * watchable once its transaction commits, and concurrent writes share transactions ({@link
 * WriteQueue}). Several stores (in several processes) may share one database; watches see all of
 * their writes.
 */
public final class JdbcStore implements Store, AutoCloseable {
  private static final int READERS = 4;

  private final Dialect dialect;
  private final StoreWrites writes;
  private final ConnectionPool writer;
  private final ConnectionPool readers;
  private final HistoryFeed feed;
  private final WriteQueue queue;

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
    return StoreCodec.typed(obj, write(tx -> writes.create(tx, obj)));
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    ObjectTable.Row row = readers.transact(c -> ObjectTable.find(c, key));
    return Optional.ofNullable(row).map(r -> StoreCodec.convert(r.tree(), kind));
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
    return StoreCodec.typed(obj, write(tx -> writes.update(tx, obj)));
  }

  @Override
  public <T extends Resource> T updateStatus(T obj) {
    return StoreCodec.afterStatusUpdate(obj, write(tx -> writes.updateStatus(tx, obj)));
  }

  @Override
  public void delete(Class<? extends Resource> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    write(
        tx -> {
          writes.delete(tx, key);
          return null;
        });
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
   * committed.
   */
  private <R> R write(Function<JdbcWriteTx, R> work) {
    return queue.submit(work);
  }

  private static boolean allNamespaces(ResourceKind kind, String namespace) {
    return !kind.namespaced() || namespace == null || namespace.isEmpty();
  }
}
