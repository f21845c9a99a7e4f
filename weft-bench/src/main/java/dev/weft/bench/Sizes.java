package dev.weft.bench;

/** How big each benchmark is: the full run, or the seconds-long smoke run CI does. */
public record Sizes(
    int chain,
    int fanOut,
    int dagSmall,
    int dagLarge,
    int localSteps,
    int localFanOut,
    int throughputWorkflows,
    int coldStartRuns,
    int peerSteps,
    int peerWorkflows,
    int serverChainSteps,
    int loadWorkflows,
    int loadSteps) {

  public static Sizes full() {
    return new Sizes(1000, 1000, 1000, 10_000, 100, 50, 1000, 5, 1000, 1000, 1000, 200, 20);
  }

  public static Sizes smoke() {
    return new Sizes(20, 20, 30, 120, 3, 3, 10, 1, 10, 10, 3, 4, 5);
  }
}
