package dev.weft.controller.cron;

import java.util.Optional;

/** A CronWorkflow's {@code status.phase}; absent before its first run. */
public enum CronPhase {
  ACTIVE("Active"),
  STOPPED("Stopped");

  private final String label;

  CronPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Optional<CronPhase> of(String label) {
    for (CronPhase p : values()) {
      if (p.label.equals(label)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
