package dev.weft.controller.provenance;

import dev.weft.model.Workflow;

/**
 * A test-only seam, off unless {@value #ENV} is set: the crash tests stop a real server at a point
 * of signing ({@value #BEFORE_ENVELOPE}: the workflow's completion is stored, nothing signed;
 * {@value #AFTER_ENVELOPE}: the envelope is stored, the annotation not yet), say so on stderr, and
 * kill it there with SIGKILL. The signing thread waits until the process dies.
 */
public record SigningPause(String stage) {
  public static final String ENV = "WEFT_TEST_PAUSE_SIGNING";
  public static final String BEFORE_ENVELOPE = "before-envelope";
  public static final String AFTER_ENVELOPE = "after-envelope";

  /** No pause: what every real start gets. */
  public static final SigningPause NONE = new SigningPause(null);

  /** The pause {@value #ENV} asks for, {@link #NONE} when it is unset. */
  public static SigningPause fromEnvironment() {
    String stage = System.getenv(ENV);
    if (stage == null || stage.isBlank()) return NONE;
    if (!stage.equals(BEFORE_ENVELOPE) && !stage.equals(AFTER_ENVELOPE)) {
      throw new IllegalArgumentException(
          ENV
              + " must be "
              + BEFORE_ENVELOPE
              + " or "
              + AFTER_ENVELOPE
              + "; got \""
              + stage
              + "\"");
    }
    return new SigningPause(stage);
  }

  void at(String reached, Workflow wf) {
    if (stage == null || !stage.equals(reached)) return;
    System.err.println(
        "weft: "
            + ENV
            + ": paused "
            + reached
            + " of "
            + wf.metadata().namespaceOrDefault()
            + "/"
            + wf.metadata().name());
    System.err.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while paused for a test", e);
    }
  }
}
