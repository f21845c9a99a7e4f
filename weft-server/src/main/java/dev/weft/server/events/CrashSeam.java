package dev.weft.server.events;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST ONLY: halts the process, as kill -9 would, the N-th time a seam of the inbox is reached, so
 * that crash tests can hit the moments a random kill rarely does. Off unless the environment sets
 * {@code WEFT_TEST_CRASH_AT=<seam>:<N>} (for example {@code after-inbox-commit:5}).
 */
enum CrashSeam {
  /** The delivery is committed as Pending; no workflow has been created. */
  AFTER_INBOX_COMMIT("after-inbox-commit"),
  /** A binding's workflow exists; the delivery does not record it yet. */
  AFTER_WORKFLOW_CREATE("after-workflow-create");

  static final String ENV = "WEFT_TEST_CRASH_AT";

  private final String text;
  private final int haltAt;
  private final AtomicInteger reached = new AtomicInteger();

  CrashSeam(String text) {
    this.text = text;
    this.haltAt = configured(text, System.getenv(ENV));
  }

  private static int configured(String seam, String setting) {
    if (setting == null || !setting.startsWith(seam + ":")) return 0;
    try {
      return Integer.parseInt(setting.substring(seam.length() + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  void reached() {
    if (haltAt > 0 && reached.incrementAndGet() == haltAt) {
      System.err.println("weft: " + ENV + " halts the process at " + text);
      Runtime.getRuntime().halt(137);
    }
  }
}
