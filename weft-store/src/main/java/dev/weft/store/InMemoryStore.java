package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.StatusPatch;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A {@link Store} in memory: objects as JSON trees (so callers never share mutable state with the
 * store), one read-write lock, and the last {@code historyLimit} changes kept for watches. A
 * workflow written by {@link #patchStatus} is kept as the (immutable) workflow that call made, and
 * its history entry is the {@link StatusDelta}, so a patch costs what it changed.
 */
public final class InMemoryStore implements Store {
  public static final int DEFAULT_HISTORY_LIMIT = 10_000;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<ObjectKey, Entry> objects = new TreeMap<>();
  private final Map<String, ObjectKey> byUid = new HashMap<>();
  private final EventLog log;
  private final WatchHub hub = new WatchHub();
  private final StoreWrites writes;
  private final Memory memory = new Memory();
  private long revision;

  public InMemoryStore() {
    this(DEFAULT_HISTORY_LIMIT, Clock.systemUTC(), new SecureRandom());
  }

  public InMemoryStore(int historyLimit) {
    this(historyLimit, Clock.systemUTC(), new SecureRandom());
  }

  /** A store keeping the last {@code historyLimit} changes, stamping times from {@code clock}. */
  public InMemoryStore(int historyLimit, Clock clock, RandomGenerator random) {
    this.log = new EventLog(historyLimit);
    this.writes = new StoreWrites(new ObjectLifecycle(clock, random));
  }

  @Override
  public <T extends Resource> T create(T obj) {
    lock.writeLock().lock();
    try {
      return typed(obj, writes.create(memory, obj));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    lock.readLock().lock();
    try {
      return Optional.ofNullable(objects.get(key)).map(e -> e.typed(kind));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T extends Resource> ListResult<T> listWithVersion(
      Class<T> kind, String namespace, LabelSelector selector) {
    ResourceKind rk = ResourceKind.of(kind);
    String ns = allNamespaces(rk, namespace) ? null : ObjectKey.of(rk, namespace, "-").namespace();
    List<Entry> matching = new ArrayList<>();
    String version;
    lock.readLock().lock();
    try {
      for (Map.Entry<ObjectKey, Entry> e : objects.entrySet()) {
        ObjectKey key = e.getKey();
        if (key.kind() == rk && (ns == null || ns.equals(key.namespace()))) {
          matching.add(e.getValue());
        }
      }
      version = Long.toString(revision);
    } finally {
      lock.readLock().unlock();
    }
    LabelSelector sel = selector == null ? LabelSelector.everything() : selector;
    List<T> items = new ArrayList<>();
    for (Entry entry : matching) {
      T obj = entry.typed(kind);
      if (sel.matches(obj.metadata().labels())) {
        items.add(obj);
      }
    }
    return new ListResult<>(items, version);
  }

  @Override
  public <T extends Resource> T update(T obj) {
    lock.writeLock().lock();
    try {
      return typed(obj, writes.update(memory, obj));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T extends Resource> T updateStatus(T obj) {
    lock.writeLock().lock();
    try {
      return StoreCodec.afterStatusUpdate(obj, writes.updateStatus(memory, obj));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Workflow patchStatus(Workflow current, StatusPatch patch, Map<String, String> labels) {
    lock.writeLock().lock();
    try {
      return writes.patchStatus(memory, current, patch, labels);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void delete(Class<? extends Resource> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    lock.writeLock().lock();
    try {
      writes.delete(memory, key);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Watch watch(
      Class<? extends Resource> kind,
      String namespace,
      String fromResourceVersion,
      Consumer<WatchEvent> handler) {
    ResourceKind rk = ResourceKind.of(kind);
    String ns = allNamespaces(rk, namespace) ? null : namespace;
    lock.readLock().lock();
    try {
      long from =
          fromResourceVersion == null || fromResourceVersion.isEmpty()
              ? revision
              : ObjectLifecycle.parseVersion(fromResourceVersion);
      List<Change> backlog = log.after(from).stream().filter(c -> c.concerns(rk, ns)).toList();
      return hub.subscribe(rk, ns, new Replay(this::stateBefore).resolve(backlog), handler);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String currentResourceVersion() {
    lock.readLock().lock();
    try {
      return Long.toString(revision);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The maps as a {@link WriteTarget}; used under the write lock only. */
  private final class Memory implements WriteTarget {
    @Override
    public long revision() {
      return revision;
    }

    @Override
    public ObjectNode find(ObjectKey key) {
      Entry e = objects.get(key);
      return e == null ? null : e.tree();
    }

    @Override
    public Stamp stamp(ObjectKey key) {
      Entry e = objects.get(key);
      return e == null ? null : new Stamp(e.uid(), e.resourceVersion());
    }

    @Override
    public boolean uidExists(String uid) {
      return byUid.containsKey(uid);
    }

    @Override
    public List<ObjectKey> ownedBy(String uid) {
      List<ObjectKey> owned = new ArrayList<>();
      for (Map.Entry<ObjectKey, Entry> e : objects.entrySet()) {
        if (e.getValue().ownerUids().contains(uid)) {
          owned.add(e.getKey());
        }
      }
      return owned;
    }

    @Override
    public void apply(Change change) {
      if (change.version() != revision + 1) {
        throw new IllegalStateException("change at " + change.version() + " after " + revision);
      }
      revision = change.version();
      String uid = ObjectLifecycle.uidOf(change.object());
      if (change.type() == WatchEvent.Type.DELETED) {
        objects.remove(change.key());
        byUid.remove(uid);
      } else {
        objects.put(change.key(), new Entry(change.object(), null));
        byUid.put(uid, change.key());
      }
      log.append(change);
      hub.publish(change);
    }

    @Override
    public void applyPatch(Change change) {
      if (change.version() != revision + 1) {
        throw new IllegalStateException("change at " + change.version() + " after " + revision);
      }
      revision = change.version();
      objects.put(change.key(), new Entry(null, change.typed()));
      log.append(change.forHistory());
      hub.publish(change);
    }
  }

  /** The workflow at a patch's base: the entries of its key from the patch on, undone. */
  private Workflow stateBefore(Change patch) {
    List<Change> later =
        log.after(patch.version() - 1).stream().filter(c -> c.key().equals(patch.key())).toList();
    return Replay.before(
        later,
        () -> {
          Entry e = objects.get(patch.key());
          return e == null ? null : e.typed(Workflow.class);
        });
  }

  /**
   * A stored object: the tree a whole-object write made, or the workflow a patch made (its tree is
   * made only if a whole-object write needs it, under the write lock).
   */
  private static final class Entry {
    private final Resource typed;
    private ObjectNode tree;

    Entry(ObjectNode tree, Resource typed) {
      this.tree = tree;
      this.typed = typed;
    }

    ObjectNode tree() {
      if (tree == null) {
        tree = StoreCodec.tree(typed);
      }
      return tree;
    }

    <T extends Resource> T typed(Class<T> kind) {
      return typed != null ? kind.cast(typed) : Codec.convert(tree, kind);
    }

    String uid() {
      return typed != null ? typed.metadata().uid() : ObjectLifecycle.uidOf(tree);
    }

    long resourceVersion() {
      String rv =
          typed != null
              ? typed.metadata().resourceVersion()
              : tree.path("metadata").path("resourceVersion").asText();
      return Long.parseLong(rv);
    }

    List<String> ownerUids() {
      if (typed == null) {
        return ObjectLifecycle.ownerUids(tree);
      }
      List<String> uids = new ArrayList<>();
      List<com.fasterxml.jackson.databind.JsonNode> refs = typed.metadata().ownerReferences();
      if (refs != null) {
        refs.forEach(ref -> uids.add(ref.path("uid").asText()));
      }
      return uids;
    }
  }

  private static boolean allNamespaces(ResourceKind kind, String namespace) {
    return !kind.namespaced() || namespace == null || namespace.isEmpty();
  }

  private static <T extends Resource> T typed(T like, ObjectNode tree) {
    return StoreCodec.typed(like, tree);
  }
}
