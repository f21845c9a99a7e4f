package dev.weft.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a cache of the objects a list and watch show, as client-go's shared informer: it lists,
 * then watches from the list's version, applying each change to the cache and telling the event
 * handlers; when the watch reports the version too old (or fails) it relists, turning the
 * difference into adds, updates and deletes. All cache changes and handler calls happen on the
 * informer's own thread, in order.
 */
public final class Informer<K, T> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Informer.class.getName());

  private sealed interface Command<T> {}

  private record FromWatch<T>(long generation, WatchSignal<T> signal) implements Command<T> {}

  private record AddHandler<T>(EventHandler<T> handler) implements Command<T> {}

  private record Stop<T>() implements Command<T> {}

  private final String name;
  private final ListFunction<T> lister;
  private final WatchFunction<T> watcher;
  private final Function<T, K> keyOf;
  private final Duration retryDelay;
  private final Map<K, T> cache = new ConcurrentHashMap<>();
  private final List<EventHandler<T>> handlers = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Command<T>> commands = new LinkedBlockingQueue<>();
  private final CountDownLatch synced = new CountDownLatch(1);
  private volatile String lastSyncResourceVersion;
  private volatile long relists;
  private Thread thread;
  private AutoCloseable currentWatch;
  private long watchGeneration;

  /** An informer that waits {@code retryDelay} before relisting after a failure. */
  public Informer(
      String name,
      ListFunction<T> lister,
      WatchFunction<T> watcher,
      Function<T, K> keyOf,
      Duration retryDelay) {
    this.name = name;
    this.lister = lister;
    this.watcher = watcher;
    this.keyOf = keyOf;
    this.retryDelay = retryDelay;
  }

  public Informer(
      String name, ListFunction<T> lister, WatchFunction<T> watcher, Function<T, K> keyOf) {
    this(name, lister, watcher, keyOf, Duration.ofSeconds(1));
  }

  /**
   * Registers a handler. One registered after {@link #start} is first told of every cached object
   * as an add.
   */
  public synchronized void addEventHandler(EventHandler<T> handler) {
    if (thread == null) {
      handlers.add(handler);
    } else {
      commands.add(new AddHandler<>(handler));
    }
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("informer " + name + " was started already");
    }
    thread = Thread.ofVirtual().name("informer-" + name).start(this::run);
  }

  /** Whether the first list has been applied to the cache. */
  public boolean hasSynced() {
    return synced.getCount() == 0;
  }

  /** Waits (real time) until the first list is in the cache; true if it is. */
  public boolean waitForSync(Duration timeout) throws InterruptedException {
    return synced.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public Optional<T> get(K key) {
    return Optional.ofNullable(cache.get(key));
  }

  public List<T> list() {
    return List.copyOf(cache.values());
  }

  public Set<K> keys() {
    return Set.copyOf(cache.keySet());
  }

  /** The version of the latest list applied. */
  public String lastSyncResourceVersion() {
    return lastSyncResourceVersion;
  }

  /** How many times the informer has listed, the first time included. */
  public long listCount() {
    return relists;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    commands.add(new Stop<>());
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      listAndWatch();
      while (true) {
        Command<T> command = commands.take();
        switch (command) {
          case Stop<T> s -> {
            return;
          }
          case AddHandler<T> a -> {
            handlers.add(a.handler());
            cache.values().forEach(obj -> notify(a.handler(), h -> h.onAdd(obj)));
          }
          case FromWatch<T> w -> {
            if (w.generation() == watchGeneration) {
              apply(w.signal());
            }
          }
        }
      }
    } catch (InterruptedException e) {
      // closed
    } finally {
      closeWatch();
    }
  }

  private void apply(WatchSignal<T> signal) throws InterruptedException {
    switch (signal) {
      case WatchSignal.Event<T> e -> applyEvent(e);
      case WatchSignal.Expired<T> x -> {
        LOG.log(Level.INFO, () -> name + ": watch expired, relisting");
        listAndWatch();
      }
      case WatchSignal.Failed<T> f -> {
        LOG.log(Level.WARNING, name + ": watch failed, relisting", f.cause());
        Thread.sleep(retryDelay);
        listAndWatch();
      }
    }
  }

  private void applyEvent(WatchSignal.Event<T> e) {
    T obj = e.object();
    K key = keyOf.apply(obj);
    if (e.type() == WatchSignal.Type.DELETED) {
      cache.remove(key);
      handlers.forEach(h -> notify(h, x -> x.onDelete(obj)));
      return;
    }
    T old = cache.put(key, obj);
    if (old == null) {
      handlers.forEach(h -> notify(h, x -> x.onAdd(obj)));
    } else {
      handlers.forEach(h -> notify(h, x -> x.onUpdate(old, obj)));
    }
  }

  /** Lists, replaces the cache, and starts a watch from the list's version; retries until both. */
  private void listAndWatch() throws InterruptedException {
    while (true) {
      closeWatch();
      try {
        Listing<T> listing = lister.list();
        relists++;
        replace(listing);
        long generation = ++watchGeneration;
        currentWatch =
            watcher.watch(
                listing.resourceVersion(),
                signal -> commands.add(new FromWatch<>(generation, signal)));
        return;
      } catch (WatchExpiredException e) {
        LOG.log(Level.INFO, () -> name + ": " + e.getMessage() + ", relisting");
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.log(Level.WARNING, name + ": list or watch failed, retrying", e);
        Thread.sleep(retryDelay);
      }
    }
  }

  private void replace(Listing<T> listing) {
    lastSyncResourceVersion = listing.resourceVersion();
    Set<K> listed = new HashSet<>();
    for (T obj : listing.items()) {
      K key = keyOf.apply(obj);
      listed.add(key);
      T old = cache.put(key, obj);
      if (old == null) {
        handlers.forEach(h -> notify(h, x -> x.onAdd(obj)));
      } else if (!old.equals(obj)) {
        handlers.forEach(h -> notify(h, x -> x.onUpdate(old, obj)));
      }
    }
    for (K key : Set.copyOf(cache.keySet())) {
      if (!listed.contains(key)) {
        T gone = cache.remove(key);
        handlers.forEach(h -> notify(h, x -> x.onDelete(gone)));
      }
    }
    synced.countDown();
  }

  private void closeWatch() {
    if (currentWatch != null) {
      try {
        currentWatch.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, name + ": closing the watch failed", e);
      }
      currentWatch = null;
    }
    watchGeneration++;
  }

  private void notify(EventHandler<T> handler, Consumer<EventHandler<T>> call) {
    try {
      call.accept(handler);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": event handler failed", e);
    }
  }
}
