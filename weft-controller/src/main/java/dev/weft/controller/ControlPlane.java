package dev.weft.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.cron.CronController;
import dev.weft.controller.informer.InformerSource;
import dev.weft.controller.pod.LocalPods;
import dev.weft.controller.pod.PodRuntime;
import dev.weft.controller.provenance.NodeLogs;
import dev.weft.controller.provenance.ProvenanceAccess;
import dev.weft.controller.provenance.Signing;
import dev.weft.controller.workflow.PendingResumes;
import dev.weft.controller.workflow.WorkflowController;
import dev.weft.controller.workflow.WorkflowDefaults;
import dev.weft.controller.workflow.WorkflowKey;
import dev.weft.controller.workflow.WorkflowReconciler;
import dev.weft.controller.workflow.WorkflowThrottle;
import dev.weft.engine.Engine;
import dev.weft.engine.Limits;
import dev.weft.engine.event.Event;
import dev.weft.executor.Executor;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodePhase;
import dev.weft.runtime.MetricsSnapshot;
import dev.weft.store.InMemoryStore;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import dev.weft.store.RetryOnConflict;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The control plane in one process: store, engine, sandboxed executor and the controllers, wired by
 * hand; the composition root of everything below the CLI and the server.
 *
 * <p>Two shapes: {@link #local} for `weft run` (an in-memory store; its pods are killed when it
 * closes) and {@link #service} for `weft server` (a durable store; the CronWorkflow controller
 * runs; steps keep running when it closes, under their shims, to be re-adopted by the next start).
 */
public final class ControlPlane implements AutoCloseable {
  private final Store store;
  private final AutoCloseable storeCloser;
  private final PodRuntime pods;
  private final LocalPods local;
  private final WorkflowController workflows;
  private final CronController crons;
  private final SandboxMode.Probe sandbox;
  private final boolean killStepsOnClose;
  private final ArtifactRepository artifacts;
  private final Signing signing;

  /**
   * The signed provenance the server hands out: what this process signs with, null where it signs
   * nothing (a cluster's API until it is given the cluster's storage).
   */
  private volatile ProvenanceAccess provenance;

  /** Sets how many steps one workflow of `weft run` may run at once when it sets no parallelism. */
  public static final String PARALLELISM_ENV = "WEFT_PARALLELISM";

  /**
   * `weft run`'s default: a wide fan-out starts this many sandboxes at a time, not hundreds; a
   * workflow's own {@code parallelism} overrides it, and 0 means no limit.
   */
  public static final int DEFAULT_LOCAL_PARALLELISM = 32;

  private ControlPlane(
      Path dataDir,
      SandboxMode.Probe sandbox,
      Store store,
      AutoCloseable storeCloser,
      boolean service,
      Executor custom,
      HostAccess hostAccess,
      Limits limits,
      Signing signing)
      throws IOException {
    this(
        sandbox,
        store,
        storeCloser,
        service,
        LocalParts.pods(
            dataDir,
            sandbox,
            custom,
            hostAccess,
            new ArtifactRepository(dataDir.resolve("artifacts"))),
        limits,
        Clock.systemDefaultZone(),
        signing);
  }

  private ControlPlane(
      SandboxMode.Probe sandbox,
      Store store,
      AutoCloseable storeCloser,
      boolean service,
      LocalPods local,
      Limits limits,
      Clock clock,
      Signing signing)
      throws IOException {
    this(
        sandbox,
        store,
        InformerSource.of(store),
        storeCloser,
        service,
        local,
        local,
        limits,
        clock,
        4,
        WorkflowDefaults.NONE,
        WorkflowThrottle.NONE,
        null,
        signing);
  }

  private ControlPlane(
      SandboxMode.Probe sandbox,
      Store store,
      InformerSource informers,
      AutoCloseable storeCloser,
      boolean service,
      PodRuntime pods,
      LocalPods local,
      Limits limits,
      Clock clock,
      int workers,
      WorkflowDefaults defaults,
      WorkflowThrottle throttle,
      ArtifactRepository apiArtifacts,
      Signing signing)
      throws IOException {
    this.sandbox = sandbox;
    this.signing = signing;
    this.provenance = signing == null ? null : ProvenanceAccess.of(signing);
    this.store = store;
    this.storeCloser = storeCloser;
    this.killStepsOnClose = !service;
    this.pods = pods;
    this.local = local;
    this.artifacts = local == null ? apiArtifacts : local.artifacts();
    if (informers == null) { // the API only: the controllers run in another process
      this.workflows = null;
      this.crons = null;
      return;
    }
    this.workflows =
        new WorkflowController(
            store,
            informers,
            WorkflowReconciler.Decider.of(new Engine(limits)),
            pods,
            clock,
            workers,
            defaults,
            throttle,
            signing == null
                ? null
                : signing.notary(
                    store,
                    artifacts,
                    local == null ? NodeLogs.none() : NodeLogs.of(local),
                    local == null ? null : local.imageProfiles()));
    this.crons = service ? new CronController(store, informers, clock) : null;
    try {
      if (crons != null) {
        workflows.onChange(crons::workflowChanged);
        crons.start();
      }
      workflows.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the controllers", e);
    }
  }

  /**
   * For `weft server --kube`: Argo's API over the cluster's objects, with no controller in this
   * process (`weft controller` runs them; it sees every write through its informers). {@code pods}
   * serves the logs; {@code artifacts}, the cluster's artifact repository (null: none), serves
   * artifact downloads.
   */
  public static ControlPlane clusterApi(
      Store store, AutoCloseable closeStore, PodRuntime pods, ArtifactRepository artifacts)
      throws IOException {
    return new ControlPlane(
        new SandboxMode.Probe(null, "steps run as Pods on the cluster"),
        store,
        null,
        closeStore,
        true,
        pods,
        null,
        EngineLimits.fromEnvironment(),
        Clock.systemDefaultZone(),
        1,
        WorkflowDefaults.NONE,
        WorkflowThrottle.NONE,
        artifacts,
        null);
  }

  /**
   * For `weft controller`: workflows in {@code store} (the API server), steps on {@code pods} (Pods
   * on the cluster), {@code workers} reconciling at once, each workflow decided on with Argo's
   * workflowDefaults; the CronWorkflow controller runs; completed workflows are signed with {@code
   * signing}, their outputs read from {@code artifacts} (the cluster's repository; null: none).
   * Closing stops the controllers and leaves the pods to the next leader.
   */
  public static ControlPlane cluster(
      Store store,
      InformerSource informers,
      AutoCloseable closeStore,
      PodRuntime pods,
      int workers,
      WorkflowDefaults defaults,
      WorkflowThrottle throttle,
      ArtifactRepository artifacts,
      Signing signing)
      throws IOException {
    return new ControlPlane(
        new SandboxMode.Probe(null, "steps run as Pods on the cluster"),
        store,
        informers,
        closeStore,
        true,
        pods,
        null,
        EngineLimits.fromEnvironment(),
        Clock.systemDefaultZone(),
        workers,
        defaults,
        throttle,
        artifacts,
        signing);
  }

  /**
   * For `weft run`: an in-memory store; closing kills the steps still running. A workflow without
   * its own parallelism runs at most {@value #PARALLELISM_ENV} (default {@value
   * #DEFAULT_LOCAL_PARALLELISM}) steps at once.
   */
  public static ControlPlane local(Path dataDir, SandboxMode.Probe sandbox) throws IOException {
    return local(dataDir, sandbox, HostAccess.none());
  }

  /** For `weft run` with what of the host the operator allowed (--allow-host-path ...). */
  public static ControlPlane local(Path dataDir, SandboxMode.Probe sandbox, HostAccess hostAccess)
      throws IOException {
    return local(dataDir, sandbox, hostAccess, Signing.local(dataDir, null, "run", sandbox.mode()));
  }

  /** For `weft run`, its completed workflows signed with {@code signing}. */
  public static ControlPlane local(
      Path dataDir, SandboxMode.Probe sandbox, HostAccess hostAccess, Signing signing)
      throws IOException {
    return local(
        dataDir,
        sandbox,
        hostAccess,
        EngineLimits.count(PARALLELISM_ENV, DEFAULT_LOCAL_PARALLELISM, 0),
        signing);
  }

  /** For `weft run`, with this default parallelism (0: none). */
  public static ControlPlane local(Path dataDir, SandboxMode.Probe sandbox, int parallelism)
      throws IOException {
    return local(
        dataDir,
        sandbox,
        HostAccess.none(),
        parallelism,
        Signing.local(dataDir, null, "run", sandbox.mode()));
  }

  private static ControlPlane local(
      Path dataDir,
      SandboxMode.Probe sandbox,
      HostAccess hostAccess,
      int parallelism,
      Signing signing)
      throws IOException {
    return new ControlPlane(
        dataDir,
        sandbox,
        new InMemoryStore(),
        () -> {},
        false,
        null,
        hostAccess,
        EngineLimits.fromEnvironment().withDefaultParallelism(parallelism),
        signing);
  }

  /**
   * For `weft server`: {@code store} is durable and owned (closed) by the plane; steps outlive it;
   * workflows left unfinished by a previous process are picked up, their steps re-adopted.
   */
  public static ControlPlane service(
      Path dataDir, SandboxMode.Probe sandbox, Store store, AutoCloseable closeStore)
      throws IOException {
    return service(dataDir, sandbox, store, closeStore, HostAccess.none());
  }

  /** For `weft server` with what of the host the operator allowed (--allow-host-path ...). */
  public static ControlPlane service(
      Path dataDir,
      SandboxMode.Probe sandbox,
      Store store,
      AutoCloseable closeStore,
      HostAccess hostAccess)
      throws IOException {
    return service(
        dataDir,
        sandbox,
        store,
        closeStore,
        hostAccess,
        null,
        Signing.local(dataDir, null, "server", sandbox.mode()));
  }

  /**
   * For `weft server --artifact-repository FILE`: artifacts in the repository {@code artifacts}
   * describes (Argo's artifactRepository: S3), credentials from the store's Secrets.
   */
  public static ControlPlane service(
      Path dataDir,
      SandboxMode.Probe sandbox,
      Store store,
      AutoCloseable closeStore,
      HostAccess hostAccess,
      dev.weft.controller.artifact.ArtifactRepositoryConfig artifacts)
      throws IOException {
    return service(
        dataDir,
        sandbox,
        store,
        closeStore,
        hostAccess,
        artifacts,
        Signing.local(dataDir, null, "server", sandbox.mode()));
  }

  /**
   * For `weft server`: artifacts in the repository {@code artifacts} describes (null: the data
   * directory), completed workflows signed with {@code signing}.
   */
  public static ControlPlane service(
      Path dataDir,
      SandboxMode.Probe sandbox,
      Store store,
      AutoCloseable closeStore,
      HostAccess hostAccess,
      dev.weft.controller.artifact.ArtifactRepositoryConfig artifacts,
      Signing signing)
      throws IOException {
    ArtifactRepository repository = LocalParts.repository(dataDir, artifacts, store);
    return new ControlPlane(
        sandbox,
        store,
        closeStore,
        true,
        LocalParts.pods(dataDir, sandbox, null, hostAccess, repository),
        EngineLimits.fromEnvironment(),
        Clock.systemDefaultZone(),
        signing);
  }

  /**
   * A service plane whose steps run on {@code executor} instead of sandboxed processes: the
   * benchmarks measure Weft's own overhead with an executor that completes steps at once.
   */
  public static ControlPlane service(
      Path dataDir,
      SandboxMode.Probe sandbox,
      Store store,
      AutoCloseable closeStore,
      Executor executor)
      throws IOException {
    return new ControlPlane(
        dataDir,
        sandbox,
        store,
        closeStore,
        true,
        executor,
        HostAccess.none(),
        EngineLimits.fromEnvironment(),
        Signing.local(dataDir, null, "server", sandbox.mode()));
  }

  public Store store() {
    return store;
  }

  public PodRuntime pods() {
    return pods;
  }

  /** The host-process pods of local mode; empty on a cluster. */
  public Optional<LocalPods> localPods() {
    return Optional.ofNullable(local);
  }

  /**
   * Where artifacts are: the local directory or the configured S3 repository; on a cluster the
   * repository the server was given (null if none).
   */
  public ArtifactRepository artifacts() {
    return artifacts;
  }

  /** The signed envelopes and the key that checks them; empty where this process has none. */
  public Optional<ProvenanceAccess> provenance() {
    return Optional.ofNullable(provenance);
  }

  /** Serves {@code access}'s envelopes (a cluster's storage, which only its caller knows). */
  public ControlPlane serveProvenance(ProvenanceAccess access) {
    this.provenance = access;
    return this;
  }

  public SandboxMode.Probe sandbox() {
    return sandbox;
  }

  /** How completed workflows are signed here; empty where no controller runs (the cluster API). */
  public Optional<Signing> signing() {
    return Optional.ofNullable(signing);
  }

  /** The workflow controller's queue; all zero where no controller runs here. */
  public MetricsSnapshot workflowMetrics() {
    return workflows == null
        ? new MetricsSnapshot(0, 0, 0, 0, 0, 0, java.time.Duration.ZERO, 0)
        : workflows.metrics();
  }

  public Workflow submit(Workflow wf) {
    Workflow created = store.create(wf);
    if (workflows != null) workflows.enqueue(key(created)); // saves `weft run` a hop
    return created;
  }

  public static WorkflowKey key(Workflow wf) {
    return WorkflowKey.of(wf);
  }

  /**
   * Resumes the workflow (spec.suspend) and its suspended nodes matching {@code node}; durable on
   * return: both are in the store, for the next reconcile of this or a restarted process.
   *
   * @throws StoreException.NotFound if the workflow is gone
   * @throws StoreException.Conflict if other writers kept winning
   */
  public void resume(WorkflowKey key, String node, Map<String, String> outputs) {
    edit(
        key,
        tree -> {
          tree.withObject("spec").remove("suspend");
          PendingResumes.add(tree, new Event.Resume(node, outputs));
        });
  }

  /**
   * Argo's `node set` (and stop with a node selector): ends the suspended nodes matching {@code
   * node} in {@code phase} with {@code message} and outputs; a null phase only records them.
   * Durable on return, as {@link #resume}.
   */
  public void setNode(
      WorkflowKey key, String node, NodePhase phase, String message, Map<String, String> outputs) {
    edit(key, tree -> PendingResumes.add(tree, new Event.Resume(node, outputs, phase, message)));
  }

  /** Suspends the workflow (spec.suspend): no new steps start until it is resumed. */
  public void suspend(WorkflowKey key) {
    edit(key, tree -> tree.withObject("spec").put("suspend", true));
  }

  /** Stop (exit handlers run) or Terminate (they don't), as Argo's spec.shutdown. */
  public void shutdown(WorkflowKey key, String strategy) {
    edit(key, tree -> tree.withObject("spec").put("shutdown", strategy));
  }

  /** Wakes the workflow's reconciler (after an edit made elsewhere, such as a retry). */
  public void enqueue(WorkflowKey key) {
    if (workflows != null) workflows.enqueue(key);
  }

  /** One write of the stored workflow, then a wake-up; an action is never answered unsaved. */
  private void edit(WorkflowKey key, Consumer<ObjectNode> edit) {
    RetryOnConflict.edit(store, Workflow.class, key.namespace(), key.name(), edit)
        .orElseThrow(
            () ->
                new StoreException.NotFound(
                    ObjectKey.of(ResourceKind.WORKFLOW, key.namespace(), key.name())));
    enqueue(key);
  }

  @Override
  public void close() throws Exception {
    if (killStepsOnClose) pods.killAll("weft is shutting down");
    if (crons != null) crons.close();
    if (workflows != null) workflows.close();
    storeCloser.close();
  }
}
