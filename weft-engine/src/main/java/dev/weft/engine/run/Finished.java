package dev.weft.engine.run;

import java.util.BitSet;
import java.util.List;

/**
 * What an earlier reconcile finished under one running steps or DAG node, so that this one starts
 * after it instead of walking it again. Each is tied to the template it was computed with: another
 * template (a re-rendered one) means it does not apply.
 */
public sealed interface Finished {
  Object template();

  /** The first {@code groups} step groups succeeded; {@code layer} is the scope they produced. */
  record Steps(Object template, int groups, Scope layer) implements Finished {}

  /**
   * {@code shape} is the DAG's parsed tasks and {@code taskIds} their node ids, by position; {@code
   * accounted} has the positions of the fulfilled tasks, whose outputs are in {@code layer}; {@code
   * settled} those of them whose exit hooks are done too, which no walk has anything left to do
   * for. The bit sets are never changed once here (readers copy them).
   */
  record Dag(
      Object template,
      Object shape,
      List<String> taskIds,
      BitSet accounted,
      BitSet settled,
      Scope layer)
      implements Finished {}
}
