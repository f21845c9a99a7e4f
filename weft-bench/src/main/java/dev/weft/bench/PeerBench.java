package dev.weft.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peers, same machine, same run: Flowable (embedded, H2 file) and Temporal (in-process test server)
 * against Weft with a no-op step executor on its durable store. Each engine warms up on small runs
 * first; per-step overhead is the chain's wall time per step.
 */
final class PeerBench {
  private static final String SECTION = "peers";
  private final Sizes sizes;
  private final Path work;

  PeerBench(Sizes sizes, Path work) {
    this.sizes = sizes;
    this.work = work;
  }

  void run(Report report) throws Exception {
    Map<String, Double> perStep = new LinkedHashMap<>();
    int n = sizes.peerSteps();
    int w = sizes.peerWorkflows();
    for (String which : new String[] {"Weft", "Flowable", "Temporal"}) {
      try (Peer peer = open(which)) {
        peer.chain(10);
        peer.fanOut(10);
        peer.manyWorkflows(10);
        double chain = peer.chain(n);
        double fan = peer.fanOut(n);
        double many = peer.manyWorkflows(w);
        perStep.put(which, chain / n);
        report.add(Figure.of(SECTION, which + ": " + n + "-step chain, per step", chain / n, "ms"));
        report.add(Figure.of(SECTION, which + ": " + n + "-wide fan-out and join", fan, "ms"));
        report.add(
            Figure.of(
                SECTION, which + ": " + w + " one-step workflows", w / (many / 1000), "wf/s"));
      }
    }
    report.add(
        Figure.atMost(
            SECTION,
            "Weft / Flowable per-step overhead",
            perStep.get("Weft") / perStep.get("Flowable"),
            "x",
            2));
    report.add(
        Figure.of(
            SECTION,
            "Weft / Temporal per-step overhead",
            perStep.get("Weft") / perStep.get("Temporal"),
            "x"));
  }

  private Peer open(String which) throws Exception {
    return switch (which) {
      case "Weft" -> new WeftPeer(work.resolve("peer-weft"));
      case "Flowable" -> new FlowablePeer(work.resolve("peer-flowable"));
      default -> new TemporalPeer();
    };
  }
}
