package dev.weft.bench;

import dev.weft.store.JdbcOptions.Durability;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peers, same machine, same run: Flowable (embedded, H2 file) and Temporal (in-process test server)
 * against Weft with a no-op step executor on its durable store, twice: every commit fsynced (as
 * `weft server` runs) and at Flowable's durability (SQLite synchronous=NORMAL). Each engine warms
 * up on small runs first; per-step overhead is the chain's wall time per step.
 */
final class PeerBench {
  private static final String SECTION = "peers";
  private static final List<String> PEERS = List.of("Weft", "Weft NORMAL", "Flowable", "Temporal");
  private final Sizes sizes;
  private final Path work;

  PeerBench(Sizes sizes, Path work) {
    this.sizes = sizes;
    this.work = work;
  }

  void run(Report report) throws Exception {
    Map<String, Double> perStep = new LinkedHashMap<>();
    Map<String, Double> oneStepRate = new LinkedHashMap<>();
    int n = sizes.peerSteps();
    int w = sizes.peerWorkflows();
    for (String which : PEERS) {
      try (Peer peer = open(which)) {
        peer.chain(10);
        peer.fanOut(10);
        peer.manyWorkflows(10);
        double chain = peer.chain(n);
        double fan = peer.fanOut(n);
        double many = peer.manyWorkflows(w);
        perStep.put(which, chain / n);
        oneStepRate.put(which, w / (many / 1000));
        report.add(Figure.of(SECTION, which + ": " + n + "-step chain, per step", chain / n, "ms"));
        report.add(Figure.of(SECTION, which + ": " + n + "-wide fan-out and join", fan, "ms"));
        report.add(
            Figure.of(
                SECTION, which + ": " + w + " one-step workflows", oneStepRate.get(which), "wf/s"));
      }
    }
    double flowable = perStep.get("Flowable");
    report.add(
        Figure.atMost(
            SECTION, "Weft / Flowable per-step overhead", perStep.get("Weft") / flowable, "x", 2));
    report.add(
        Figure.atMost(
            SECTION,
            "Weft NORMAL / Flowable per-step overhead (same durability)",
            perStep.get("Weft NORMAL") / flowable,
            "x",
            1));
    report.add(
        Figure.of(
            SECTION,
            "Weft / Temporal per-step overhead",
            perStep.get("Weft") / perStep.get("Temporal"),
            "x"));
    report.add(
        Figure.atLeast(
            SECTION,
            "Weft / Flowable one-step workflows per second",
            oneStepRate.get("Weft") / oneStepRate.get("Flowable"),
            "x",
            1));
    report.add(
        Figure.of(
            SECTION,
            "Weft NORMAL / Flowable one-step workflows per second",
            oneStepRate.get("Weft NORMAL") / oneStepRate.get("Flowable"),
            "x"));
    report.note(SECTION, "Weft: every answered write fsynced (SQLite synchronous=FULL)");
    report.note(
        SECTION,
        "Weft NORMAL: SQLite synchronous=NORMAL, a commit survives the process's crash, not a"
            + " power cut");
    report.note(
        SECTION,
        "Flowable: H2 in file mode, no fsync per commit (a power cut can lose committed work)");
    report.note(SECTION, "Temporal: the in-process test server, in memory (survives nothing)");
  }

  private Peer open(String which) throws Exception {
    return switch (which) {
      case "Weft" -> new WeftPeer(work.resolve("peer-weft"), Durability.FULL);
      case "Weft NORMAL" -> new WeftPeer(work.resolve("peer-weft-normal"), Durability.NORMAL);
      case "Flowable" -> new FlowablePeer(work.resolve("peer-flowable"));
      default -> new TemporalPeer();
    };
  }
}
