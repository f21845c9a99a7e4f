package dev.weft.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
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
 * store), one read-write lock, and the last {@code historyLimit} changes kept for watches.
 */
public final class InMemoryStore implements Store {
  public static final int DEFAULT_HISTORY_LIMIT = 10_000;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<ObjectKey, ObjectNode> objects = new TreeMap<>();
  private final Map<String, ObjectKey> byUid = new HashMap<>();
  private final EventLog log;
  private final WatchHub hub = new WatchHub();
  private final ObjectLifecycle lifecycle;
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
    this.lifecycle = new ObjectLifecycle(clock, random);
  }

  @Override
  public <T extends Resource> T create(T obj) {
    lock.writeLock().lock();
    try {
      ObjectNode tree = lifecycle.forCreate(obj, revision + 1, objects::containsKey);
      ObjectKey key = ObjectLifecycle.keyOf(tree);
      if (objects.containsKey(key)) {
        throw new StoreException.AlreadyExists(key);
      }
      commit(WatchEvent.Type.ADDED, key, tree);
      return typed(obj, tree);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    lock.readLock().lock();
    try {
      return Optional.ofNullable(objects.get(key)).map(tree -> Codec.convert(tree, kind));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T extends Resource> ListResult<T> listWithVersion(
      Class<T> kind, String namespace, LabelSelector selector) {
    ResourceKind rk = ResourceKind.of(kind);
    String ns = allNamespaces(rk, namespace) ? null : ObjectKey.of(rk, namespace, "-").namespace();
    List<ObjectNode> matching = new ArrayList<>();
    String version;
    lock.readLock().lock();
    try {
      for (Map.Entry<ObjectKey, ObjectNode> e : objects.entrySet()) {
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
    for (ObjectNode tree : matching) {
      T obj = Codec.convert(tree, kind);
      if (sel.matches(obj.metadata().labels())) {
        items.add(obj);
      }
    }
    return new ListResult<>(items, version);
  }

  @Override
  public <T extends Resource> T update(T obj) {
    ObjectKey key = ObjectLifecycle.keyOf(obj);
    lock.writeLock().lock();
    try {
      ObjectNode tree = lifecycle.forUpdate(key, existing(key), obj, revision + 1);
      if (ObjectLifecycle.isFinalized(tree)) {
        commit(WatchEvent.Type.DELETED, key, tree);
        cascade(ObjectLifecycle.uidOf(tree));
      } else {
        commit(WatchEvent.Type.MODIFIED, key, tree);
      }
      return typed(obj, tree);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T extends Resource> T updateStatus(T obj) {
    ObjectKey key = ObjectLifecycle.keyOf(obj);
    lock.writeLock().lock();
    try {
      ObjectNode tree = lifecycle.forStatusUpdate(key, existing(key), obj, revision + 1);
      commit(WatchEvent.Type.MODIFIED, key, tree);
      return typed(obj, tree);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void delete(Class<? extends Resource> kind, String namespace, String name) {
    ObjectKey key = ObjectKey.of(ResourceKind.of(kind), namespace, name);
    lock.writeLock().lock();
    try {
      deleteLocked(key, existing(key));
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
      return hub.subscribe(rk, ns, backlog, handler);
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

  private void deleteLocked(ObjectKey key, ObjectNode stored) {
    if (ObjectLifecycle.hasFinalizers(stored)) {
      if (!ObjectLifecycle.isDeleting(stored)) {
        commit(WatchEvent.Type.MODIFIED, key, lifecycle.markDeleting(stored, revision + 1));
      }
      return;
    }
    commit(WatchEvent.Type.DELETED, key, ObjectLifecycle.withResourceVersion(stored, revision + 1));
    cascade(ObjectLifecycle.uidOf(stored));
  }

  /** Deletes the objects owned by {@code uid} that have no other owner left. */
  private void cascade(String uid) {
    List<ObjectKey> orphans = new ArrayList<>();
    for (Map.Entry<ObjectKey, ObjectNode> e : objects.entrySet()) {
      List<String> owners = ObjectLifecycle.ownerUids(e.getValue());
      if (owners.contains(uid) && owners.stream().noneMatch(byUid::containsKey)) {
        orphans.add(e.getKey());
      }
    }
    for (ObjectKey key : orphans) {
      ObjectNode stored = objects.get(key);
      if (stored != null) {
        deleteLocked(key, stored);
      }
    }
  }

  /** Records a change at the next revision; the tree must carry that revision already. */
  private void commit(WatchEvent.Type type, ObjectKey key, ObjectNode tree) {
    revision++;
    String uid = ObjectLifecycle.uidOf(tree);
    if (type == WatchEvent.Type.DELETED) {
      objects.remove(key);
      byUid.remove(uid);
    } else {
      objects.put(key, tree);
      byUid.put(uid, key);
    }
    Change change = new Change(revision, type, key, tree);
    log.append(change);
    hub.publish(change);
  }

  private ObjectNode existing(ObjectKey key) {
    ObjectNode stored = objects.get(key);
    if (stored == null) {
      throw new StoreException.NotFound(key);
    }
    return stored;
  }

  private static boolean allNamespaces(ResourceKind kind, String namespace) {
    return !kind.namespaced() || namespace == null || namespace.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Resource> T typed(T like, ObjectNode tree) {
    return (T) Codec.convert(tree, like.getClass());
  }
}
