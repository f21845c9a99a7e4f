package dev.weft.store;

import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Fans changes out to watches. Each watch has its own queue and delivery thread, so a slow handler
 * delays only its own watch and handlers may call back into the store. The store must call {@link
 * #subscribe} and {@link #publish} under the same serialisation as its writes, which keeps every
 * watch's events gap-free and in version order.
 */
public final class WatchHub {
  private static final System.Logger LOG = System.getLogger(WatchHub.class.getName());

  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  /**
   * Starts a watch that first delivers {@code backlog}, then every published change it concerns.
   */
  public Watch subscribe(
      ResourceKind kind, String namespace, List<Change> backlog, Consumer<WatchEvent> handler) {
    Subscription s = new Subscription(kind, namespace, handler);
    backlog.forEach(c -> s.offer(new Delivery(c)));
    subscriptions.add(s);
    Thread.ofVirtual().name("weft-watch-" + kind.kindName()).start(s::deliver);
    return s;
  }

  public void publish(Change change) {
    Delivery d = new Delivery(change);
    for (Subscription s : subscriptions) {
      s.offer(d);
    }
  }

  /**
   * A change on its way to the watches; the object is decoded once, by the first to need it, unless
   * the store handed it over already decoded.
   */
  private static final class Delivery {
    final Change change;
    private Resource decoded;

    Delivery(Change change) {
      this.change = change;
      this.decoded = change.typed();
    }

    synchronized Resource object(ResourceKind kind) {
      if (decoded == null) decoded = Codec.convert(change.object(), kind.type());
      return decoded;
    }
  }

  public int size() {
    return subscriptions.size();
  }

  private final class Subscription implements Watch {
    private final ResourceKind kind;
    private final String namespace;
    private final Consumer<WatchEvent> handler;
    private final LinkedBlockingQueue<Optional<Delivery>> pending = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    Subscription(ResourceKind kind, String namespace, Consumer<WatchEvent> handler) {
      this.kind = kind;
      this.namespace = namespace;
      this.handler = handler;
    }

    void offer(Delivery d) {
      if (d.change.concerns(kind, namespace)) {
        pending.add(Optional.of(d));
      }
    }

    void deliver() {
      while (!closed) {
        Optional<Delivery> next;
        try {
          next = pending.take();
        } catch (InterruptedException e) {
          return;
        }
        if (next.isEmpty() || closed) {
          return;
        }
        Change c = next.get().change;
        Resource obj = next.get().object(kind);
        try {
          handler.accept(new WatchEvent(c.type(), obj));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "watch handler failed on " + c.key() + " at " + c.version(), e);
        }
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        subscriptions.remove(this);
        pending.add(Optional.empty());
      }
    }
  }
}
