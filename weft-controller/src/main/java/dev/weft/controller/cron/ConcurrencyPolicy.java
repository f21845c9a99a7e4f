package dev.weft.controller.cron;

/** What a CronWorkflow does when a run is due while earlier runs are still active. */
public enum ConcurrencyPolicy {
  /** Start the new run anyway (the default). */
  ALLOW,
  /** Skip the new run. */
  FORBID,
  /** Terminate the active runs, then start the new one. */
  REPLACE;

  /**
   * The policy named {@code text} (Argo's spelling; empty or absent is Allow).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ConcurrencyPolicy of(String text) {
    return switch (text == null ? "" : text) {
      case "", "Allow" -> ALLOW;
      case "Forbid" -> FORBID;
      case "Replace" -> REPLACE;
      default -> throw new IllegalArgumentException("invalid ConcurrencyPolicy: " + text);
    };
  }
}
