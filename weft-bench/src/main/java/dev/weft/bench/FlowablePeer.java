package dev.weft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Flowable 7, embedded, on H2 in file mode, audit history: BPMN processes of no-op Java service
 * tasks, run synchronously (no async executor), as Flowable runs in-process tasks by default.
 */
final class FlowablePeer implements Peer {
  private final ProcessEngine engine;
  private int deployed;

  FlowablePeer(Path dir) {
    ProcessEngineConfiguration cfg =
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:file:" + dir.resolve("flowable-db").toAbsolutePath())
            .setJdbcDriver("org.h2.Driver")
            .setJdbcUsername("sa")
            .setJdbcPassword("")
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
            .setHistory("audit")
            .setAsyncExecutorActivate(false);
    ((ProcessEngineConfigurationImpl) cfg).setDisableIdmEngine(true).setDisableEventRegistry(true);
    engine = cfg.buildProcessEngine();
  }

  @Override
  public String name() {
    return "Flowable";
  }

  private String deploy(String body) {
    String key = "p" + deployed++;
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:flowable="http://flowable.org/bpmn" targetNamespace="http://weft.dev/bench">
          <process id="%s" isExecutable="true">
            <startEvent id="start"/>
        %s
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .formatted(key, body);
    engine.getRepositoryService().createDeployment().addString(key + ".bpmn20.xml", xml).deploy();
    return key;
  }

  private static String task(String id) {
    return "    <serviceTask id=\""
        + id
        + "\" flowable:class=\""
        + NoopDelegate.class.getName()
        + "\"/>\n";
  }

  private static String flow(String from, String to) {
    return "    <sequenceFlow id=\""
        + from
        + "-"
        + to
        + "\" sourceRef=\""
        + from
        + "\" targetRef=\""
        + to
        + "\"/>\n";
  }

  private static String chainBody(int steps) {
    StringBuilder b = new StringBuilder();
    String previous = "start";
    for (int i = 0; i < steps; i++) {
      b.append(task("s" + i)).append(flow(previous, "s" + i));
      previous = "s" + i;
    }
    return b.append(flow(previous, "end")).toString();
  }

  private double time(String key) {
    long t0 = System.nanoTime();
    var instance = engine.getRuntimeService().startProcessInstanceByKey(key);
    if (!instance.isEnded()) throw new IllegalStateException("process did not end");
    return Stats.millis(System.nanoTime() - t0);
  }

  @Override
  public double chain(int steps) {
    return time(deploy(chainBody(steps)));
  }

  @Override
  public double fanOut(int width) {
    StringBuilder b = new StringBuilder();
    b.append(task("first")).append(flow("start", "first"));
    b.append("    <parallelGateway id=\"fork\"/>\n    <parallelGateway id=\"join\"/>\n");
    b.append(flow("first", "fork"));
    for (int i = 0; i < width; i++) {
      b.append(task("f" + i)).append(flow("fork", "f" + i)).append(flow("f" + i, "join"));
    }
    b.append(task("last")).append(flow("join", "last")).append(flow("last", "end"));
    return time(deploy(b.toString()));
  }

  @Override
  public double manyWorkflows(int count) throws Exception {
    String key = deploy(chainBody(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        all.add(pool.submit(() -> engine.getRuntimeService().startProcessInstanceByKey(key)));
      }
      for (Future<?> f : all) f.get();
      return Stats.millis(System.nanoTime() - t0);
    } finally {
      pool.shutdown();
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
