package dev.weft.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The retained tail of the change history: the last {@code limit} changes. Not thread-safe; the
 * owning store serialises access.
 */
public final class EventLog {
  private final int limit;
  private final ArrayDeque<Change> changes = new ArrayDeque<>();
  private long compactedThrough;

  public EventLog(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("history limit must be at least 1, was " + limit);
    }
    this.limit = limit;
  }

  public void append(Change change) {
    changes.addLast(change);
    while (changes.size() > limit) {
      compactedThrough = changes.removeFirst().version();
    }
  }

  /**
   * The retained changes after {@code version}, oldest first.
   *
   * @throws StoreException.TooOld if some change after {@code version} is no longer retained
   */
  public List<Change> after(long version) {
    if (version < compactedThrough) {
      throw new StoreException.TooOld(Long.toString(version), Long.toString(compactedThrough));
    }
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      if (c.version() > version) {
        out.add(c);
      }
    }
    return out;
  }

  /** The newest version whose change is no longer retained (0 if none was compacted). */
  public long compactedThrough() {
    return compactedThrough;
  }
}
