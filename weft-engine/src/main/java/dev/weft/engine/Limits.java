package dev.weft.engine;

/**
 * Bounds that keep one workflow from hanging or starving the controller.
 *
 * @param maxLoopItems the most items one withItems, withParam or withSequence may expand to; Argo
 *     has no such cap, but a million-item loop would take minutes to expand and then start a
 *     million nodes, so Weft refuses it at once
 * @param defaultParallelism the pods one workflow may run at once when its spec sets no {@code
 *     parallelism}; 0 for no limit (Argo's behaviour, the server's default)
 * @param maxNodes the most nodes one workflow may have: the depth limit alone lets a template that
 *     calls itself twice make 2^100 nodes; past it, new nodes end in Error at once
 */
public record Limits(int maxLoopItems, int defaultParallelism, int maxNodes) {
  /** Argo's maxAllowedStackDepth: nested template calls beyond it end in Error. */
  public static final int MAX_DEPTH = 100;

  public static final String MAX_DEPTH_MESSAGE =
      "Maximum recursion depth exceeded. See"
          + " https://argo-workflows.readthedocs.io/en/latest/scaling/#maximum-recursion-depth";

  public static final int DEFAULT_MAX_LOOP_ITEMS = 10_000;

  public static final int DEFAULT_MAX_NODES = 20_000;

  public static final Limits DEFAULT = new Limits(DEFAULT_MAX_LOOP_ITEMS, 0, DEFAULT_MAX_NODES);

  public Limits {
    if (maxLoopItems < 1) throw new IllegalArgumentException("maxLoopItems must be at least 1");
    if (defaultParallelism < 0)
      throw new IllegalArgumentException("defaultParallelism must not be negative");
    if (maxNodes < 1) throw new IllegalArgumentException("maxNodes must be at least 1");
  }

  public Limits withDefaultParallelism(int n) {
    return new Limits(maxLoopItems, n, maxNodes);
  }

  public String maxNodesMessage() {
    return "the workflow has reached the limit of "
        + maxNodes
        + " nodes; no more of its steps are started";
  }
}
