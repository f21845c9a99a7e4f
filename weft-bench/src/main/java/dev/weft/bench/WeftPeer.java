package dev.weft.bench;

import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import dev.weft.store.JdbcOptions.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Weft with a no-op in-process step executor on its durable store (SQLite; synchronous=FULL as
 * `weft server` runs it, or NORMAL, the durability Flowable's H2 file gives): the same controller,
 * engine and store as `weft server`, steps that succeed at once.
 */
final class WeftPeer implements Peer {
  private final ControlPlane plane;
  private final String name;
  private int ids;

  WeftPeer(Path dir, Durability durability) throws Exception {
    plane = Planes.withExecutor(dir, new NoopExecutor(), durability);
    name = durability == Durability.FULL ? "Weft" : "Weft " + durability;
  }

  @Override
  public String name() {
    return name;
  }

  private String name(String prefix) {
    return prefix + "-" + ids++;
  }

  private double time(String yaml) throws Exception {
    long t0 = System.nanoTime();
    Planes.run(plane, Shapes.decode(yaml), Duration.ofMinutes(10));
    return Stats.millis(System.nanoTime() - t0);
  }

  @Override
  public double chain(int steps) throws Exception {
    return time(Shapes.chain(name("chain"), steps));
  }

  @Override
  public double fanOut(int width) throws Exception {
    return time(Shapes.fanOut(name("fan"), width));
  }

  @Override
  public double manyWorkflows(int count) throws Exception {
    List<Workflow> all = new ArrayList<>();
    for (int i = 0; i < count; i++) all.add(Shapes.decode(Shapes.chain(name("one"), 1)));
    long t0 = System.nanoTime();
    Planes.runAll(plane, all, Duration.ofMinutes(10));
    return Stats.millis(System.nanoTime() - t0);
  }

  @Override
  public void close() throws Exception {
    plane.close();
  }
}
