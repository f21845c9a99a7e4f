package dev.weft.server.events;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches the deliveries a crash left Pending once at start, then every {@link #EVERY} those
 * that a dispatch failed midway left Pending for longer than that, until the server closes. A
 * webhook sender may never resend: without this, such an event would wait for a restart.
 */
public final class PendingEventSweep implements Runnable {
  public static final Duration EVERY = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(PendingEventSweep.class.getName());

  private final EventInbox inbox;
  private final String namespace;
  private final AtomicBoolean closing;
  private final Clock clock;

  /** For {@code namespace} (null: all); stops once {@code closing} is set. */
  public PendingEventSweep(EventInbox inbox, String namespace, AtomicBoolean closing) {
    this(inbox, namespace, closing, Clock.systemUTC());
  }

  PendingEventSweep(EventInbox inbox, String namespace, AtomicBoolean closing, Clock clock) {
    this.inbox = inbox;
    this.namespace = namespace;
    this.closing = closing;
    this.clock = clock;
  }

  @Override
  public void run() {
    sweep(true);
    while (!closing.get()) {
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        return;
      }
      if (!closing.get()) sweep(false);
    }
  }

  /** One pass: every Pending delivery at start, afterwards those older than {@link #EVERY}. */
  int sweep(boolean atStart) {
    try {
      return atStart
          ? inbox.recoverPending(namespace)
          : inbox.recoverPending(namespace, clock.instant().minus(EVERY));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not list pending event deliveries", e);
      return 0;
    }
  }
}
