package dev.weft.controller;

import dev.weft.engine.Limits;

/** The engine's limits as the environment sets them, read once per control plane. */
final class EngineLimits {
  /** Caps the items of one loop (default {@value Limits#DEFAULT_MAX_LOOP_ITEMS}). */
  static final String MAX_LOOP_ITEMS_ENV = "WEFT_MAX_LOOP_ITEMS";

  /** Caps the nodes of one workflow (default {@value Limits#DEFAULT_MAX_NODES}). */
  static final String MAX_NODES_ENV = "WEFT_MAX_NODES";

  private EngineLimits() {}

  /** The engine's limits, from {@value #MAX_LOOP_ITEMS_ENV} and {@value #MAX_NODES_ENV}. */
  static Limits fromEnvironment() {
    return new Limits(
        count(MAX_LOOP_ITEMS_ENV, Limits.DEFAULT_MAX_LOOP_ITEMS, 1),
        0,
        count(MAX_NODES_ENV, Limits.DEFAULT_MAX_NODES, 1));
  }

  /** The whole number at least {@code least} that the variable gives, else {@code fallback}. */
  static int count(String variable, int fallback, int least) {
    return count(variable, System.getenv(variable), fallback, least);
  }

  /** The whole number at least {@code least} that {@code value} of {@code variable} gives. */
  static int count(String variable, String value, int fallback, int least) {
    if (value == null || value.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= least) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        variable
            + " must be a whole number of at least "
            + least
            + (least == 0 ? " (0 for no limit)" : "")
            + "; got \""
            + value
            + "\"");
  }
}
