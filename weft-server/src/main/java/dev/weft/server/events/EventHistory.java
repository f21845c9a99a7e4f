package dev.weft.server.events;

import java.time.Duration;

/**
 * How many deliveries a namespace keeps ({@code limit}, as a CronWorkflow's history limits: the
 * oldest Dispatched ones are deleted first, a Pending one never) and how long a dedup key must keep
 * deduplicating ({@code dedupWindow}): a delivery with a dedup key received inside the window is
 * not deleted, even past the limit, so that a resent event inside it never runs twice.
 */
public record EventHistory(int limit, Duration dedupWindow) {
  public static final EventHistory DEFAULT = new EventHistory(100, Duration.ofHours(72));

  static final String LIMIT_ENV = "WEFT_EVENT_HISTORY_LIMIT";
  static final String WINDOW_ENV = "WEFT_EVENT_DEDUP_WINDOW";

  public EventHistory {
    if (limit < 1) throw new IllegalArgumentException("event history limit must be at least 1");
    if (dedupWindow == null || dedupWindow.isNegative()) {
      throw new IllegalArgumentException("event dedup window must not be negative");
    }
  }

  /**
   * The server's setting: {@code WEFT_EVENT_HISTORY_LIMIT} (a count) and {@code
   * WEFT_EVENT_DEDUP_WINDOW} (ISO-8601 such as PT72H, or hours such as 72h), else the defaults.
   */
  public static EventHistory fromEnvironment() {
    return parse(System.getenv(LIMIT_ENV), System.getenv(WINDOW_ENV));
  }

  /** The setting from the two variables' texts (null or blank: the default). */
  static EventHistory parse(String limit, String window) {
    try {
      return new EventHistory(
          limit == null || limit.isBlank() ? DEFAULT.limit() : Integer.parseInt(limit.strip()),
          window == null || window.isBlank() ? DEFAULT.dedupWindow() : duration(window.strip()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          LIMIT_ENV
              + "/"
              + WINDOW_ENV
              + ": "
              + e.getMessage()
              + " ("
              + limit
              + ", "
              + window
              + ")");
    }
  }

  private static Duration duration(String text) {
    if (text.endsWith("h"))
      return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
    return Duration.parse(text);
  }
}
