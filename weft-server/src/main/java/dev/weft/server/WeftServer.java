package dev.weft.server;

import com.sun.net.httpserver.HttpServer;
import dev.weft.controller.ControlPlane;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.CronWorkflow;
import dev.weft.model.WorkflowTemplate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/** Argo Server's HTTP API over a control plane, on the JDK's HTTP server. */
public final class WeftServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor;
  private final AtomicBoolean closing;

  private WeftServer(HttpServer http, ExecutorService executor, AtomicBoolean closing) {
    this.http = http;
    this.executor = executor;
    this.closing = closing;
  }

  /**
   * Starts listening. The bearer token is read from (or first written to) {@code
   * dataDir/server-token}.
   *
   * @throws IllegalArgumentException for insecureNoAuth on an address that is not loopback
   */
  public static WeftServer start(ServerConfig config, ControlPlane plane) throws IOException {
    InetAddress address = InetAddress.getByName(config.bindAddress());
    if (config.insecureNoAuth() && !address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "refusing to serve without authentication on "
              + config.bindAddress()
              + ": insecure mode is only allowed on a loopback address");
    }
    String token = config.insecureNoAuth() ? null : ServerToken.loadOrCreate(config.dataDir());
    Metrics metrics = new Metrics();
    AtomicBoolean closing = new AtomicBoolean();
    HttpServer http = HttpServer.create(new InetSocketAddress(address, config.port()), 0);
    int port = http.getAddress().getPort();
    Router router =
        new Router(
            new RequestGuard(config.bindAddress(), address, port), new AuthFilter(token), metrics);
    Validation validation = new Validation(plane.store());
    new SystemHandlers(plane, metrics, config.info()).register(router);
    new WorkflowStreams(plane, closing::get).register(router);
    new EventStream(plane, closing::get).register(router);
    new WorkflowActions(plane).register(router);
    new WorkflowReruns(plane).register(router);
    new WorkflowHandlers(plane, validation).register(router);
    new ArtifactFiles(plane, new AuthFilter(token)).register(router);
    new ResourceHandlers<>(plane, validation, WorkflowTemplate.class, "template", true)
        .register(router, "/api/v1/workflow-templates");
    new ResourceHandlers<>(plane, validation, ClusterWorkflowTemplate.class, "template", false)
        .register(router, "/api/v1/cluster-workflow-templates");
    ResourceHandlers<CronWorkflow> crons =
        new ResourceHandlers<>(plane, validation, CronWorkflow.class, "cronWorkflow", true);
    crons.registerSuspension(router, "/api/v1/cron-workflows");
    crons.register(router, "/api/v1/cron-workflows");
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    http.setExecutor(executor);
    http.createContext("/", router);
    http.start();
    return new WeftServer(http, executor, closing);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    closing.set(true);
    http.stop(1);
    executor.shutdownNow();
  }
}
