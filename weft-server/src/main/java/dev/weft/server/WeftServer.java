package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.CronWorkflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import dev.weft.server.events.EventHistory;
import dev.weft.server.events.EventInbox;
import dev.weft.server.events.PendingEventSweep;
import dev.weft.server.events.WebhookClients;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/** Argo Server's HTTP API over a control plane, and the web UI, on Jetty. */
public final class WeftServer implements AutoCloseable {
  private final JettyServer http;
  private final AtomicBoolean closing;
  private final Thread eventSweep;

  private WeftServer(JettyServer http, AtomicBoolean closing, Thread eventSweep) {
    this.eventSweep = eventSweep;
    this.http = http;
    this.closing = closing;
  }

  /**
   * What tests vary. {@code metricsAuth}: whether /metrics wants the token (Argo's {@code
   * ARGO_SERVER_METRICS_AUTH}, on unless "false"); {@code uiRoot}: where on the classpath the web
   * UI is; {@code eventHistory}: how many event deliveries a namespace keeps, and for how long a
   * dedup key dedups.
   */
  record Options(boolean metricsAuth, String uiRoot, EventHistory eventHistory) {
    Options(boolean metricsAuth, String uiRoot) {
      this(metricsAuth, uiRoot, EventHistory.DEFAULT);
    }

    /** The event history from WEFT_EVENT_HISTORY_LIMIT and WEFT_EVENT_DEDUP_WINDOW. */
    static Options fromEnvironment() {
      return new Options(
          !"false".equals(System.getenv("ARGO_SERVER_METRICS_AUTH")),
          UiAssets.ROOT,
          EventHistory.fromEnvironment());
    }
  }

  /**
   * Starts listening. The bearer token is read from (or first written to) {@code
   * dataDir/server-token}.
   *
   * @throws IllegalArgumentException for insecureNoAuth on an address that is not loopback
   */
  public static WeftServer start(ServerConfig config, ControlPlane plane) throws IOException {
    return start(config, plane, Options.fromEnvironment());
  }

  static WeftServer start(ServerConfig config, ControlPlane plane, Options options)
      throws IOException {
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
    JettyServer http = JettyServer.bind(address, config.port());
    AuthFilter auth = new AuthFilter(token, new WebhookClients(plane.store()));
    Router router =
        new Router(
            new RequestGuard(config.bindAddress(), address, http.port()),
            auth,
            metrics,
            options.metricsAuth(),
            SystemHandlers.version());
    Validation validation = new Validation(plane.store());
    new SystemHandlers(plane, metrics, config.info()).register(router);
    new BrowserSession(auth).register(router);
    new WorkflowStreams(plane, closing::get).register(router);
    EventRecorder events = EventRecorder.start(plane.store(), closing::get);
    new EventStream(events, closing::get).register(router);
    new WorkflowActions(plane).register(router);
    new WorkflowReruns(plane).register(router);
    new WorkflowHandlers(plane, validation).register(router);
    new ArtifactFiles(plane, auth).register(router);
    new AttestationHandlers(plane).register(router);
    new ResourceHandlers<>(plane, validation, WorkflowTemplate.class, "template", true)
        .register(router, "/api/v1/workflow-templates");
    new ResourceHandlers<>(plane, validation, ClusterWorkflowTemplate.class, "template", false)
        .register(router, "/api/v1/cluster-workflow-templates");
    ResourceHandlers<CronWorkflow> crons =
        new ResourceHandlers<>(plane, validation, CronWorkflow.class, "cronWorkflow", true);
    crons.registerSuspension(router, "/api/v1/cron-workflows");
    crons.register(router, "/api/v1/cron-workflows");
    new ResourceHandlers<>(
            plane, validation, WorkflowEventBinding.class, "workflowEventBinding", true)
        .register(router, "/api/v1/workflow-event-bindings");
    EventInbox inbox =
        new EventInbox(plane.store(), plane::submit, options.eventHistory(), Clock.systemUTC());
    new EventHandlers(inbox, events).register(router);
    new EventDeliveryHandlers(plane.store(), inbox, events).register(router);
    router.fallback(new UiAssets(http.server(), options.uiRoot()));
    http.start(router);
    // Events a crash left recorded but not dispatched, then, while serving, those a failed
    // dispatch left; a resend meanwhile is safe (EventInbox).
    String managed = config.info().managedNamespace();
    Thread eventSweep =
        Thread.ofVirtual()
            .name("weft-event-recovery")
            .start(
                new PendingEventSweep(
                    inbox, managed == null || managed.isEmpty() ? null : managed, closing));
    return new WeftServer(http, closing, eventSweep);
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    closing.set(true);
    eventSweep.interrupt();
    http.close();
  }
}
