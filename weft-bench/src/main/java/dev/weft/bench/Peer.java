package dev.weft.bench;

/**
 * An engine running the peer benchmarks with no-op in-process tasks: a chain of steps, a fan-out of
 * parallel steps and a join, and many one-step workflows at once. Each returns wall time in ms.
 */
interface Peer extends AutoCloseable {
  String name();

  double chain(int steps) throws Exception;

  double fanOut(int width) throws Exception;

  double manyWorkflows(int count) throws Exception;
}
