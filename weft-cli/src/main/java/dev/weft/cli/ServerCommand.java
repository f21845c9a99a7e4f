package dev.weft.cli;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.DataDir;
import dev.weft.controller.DataDirLock;
import dev.weft.controller.provenance.Signing;
import dev.weft.executor.SandboxMode;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerInfo;
import dev.weft.server.WeftServer;
import dev.weft.store.JdbcStore;
import dev.weft.store.StorageFailure;
import dev.weft.store.StoreLock;
import dev.weft.store.Stores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "server",
    description = "Serve Argo Server's HTTP API over a control plane on this machine.",
    mixinStandardHelpOptions = true)
final class ServerCommand implements Callable<Integer> {
  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on.")
  String bind;

  @Option(names = "--port", defaultValue = "2746", description = "Port to listen on (0: any).")
  int port;

  @Option(
      names = "--insecure-no-auth",
      description = "Accept requests without the bearer token (loopback addresses only).")
  boolean insecureNoAuth;

  @Option(
      names = "--store",
      paramLabel = "PATH|URL",
      description =
          "Where objects are kept: a SQLite file or a jdbc:postgresql:// URL (env WEFT_STORE;"
              + " default: weft.db in the data directory).")
  String storeLocation;

  @Mixin HostAccessOptions hostAccess = new HostAccessOptions();

  @Mixin SigningOptions signingKey = new SigningOptions();

  @Mixin ServedKeyOptions servedKey = new ServedKeyOptions();

  @Option(
      names = "--artifact-repository",
      paramLabel = "FILE",
      description =
          "Keep artifacts in the repository this file describes (Argo's artifactRepository, e.g."
              + " s3: {bucket, endpoint, accessKeySecret, secretKeySecret}; credentials from"
              + " Secrets in the workflow's namespace) instead of the data directory; with --kube,"
              + " the controller's repository, from which the server serves artifact downloads.")
  Path artifactRepository;

  @Option(
      names = {"-f", "--load"},
      paramLabel = "FILE",
      description =
          "Store the objects in FILE before serving (Secrets such as"
              + " argo-workflows-webhook-clients, ConfigMaps, templates, event bindings), each"
              + " replacing one of the same name, checked as the API checks what it is sent: a"
              + " file with errors is not loaded and the server does not start. Not with --kube:"
              + " kubectl applies them there.")
  List<Path> load = List.of();

  @Option(
      names = "--kube",
      description =
          "Serve the Kubernetes cluster's objects (in-cluster config, else KUBECONFIG or"
              + " ~/.kube/config) instead of a store; `weft controller` runs the workflows.")
  boolean kube;

  @Option(
      names = "--namespace",
      description = "With --kube: serve only this namespace (default: all).")
  String namespace;

  @Option(
      names = "--link",
      paramLabel = "NAME,SCOPE,URL",
      description =
          "A link the UI shows (repeatable), as Argo's links: SCOPE is workflow, pod, pod-logs,"
              + " event-source-logs, sensor-logs, workflow-list or chat; the http(s) URL may use"
              + " $${metadata.namespace}, $${metadata.name}, $${status.startedAt} and the like.")
  List<String> links = new ArrayList<>();

  @Option(
      names = "--column",
      paramLabel = "NAME,TYPE,KEY",
      description =
          "An extra workflow-list column (repeatable): TYPE label or annotation, KEY its key.")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--nav-color",
      paramLabel = "COLOR",
      description = "The UI's navigation bar colour (a CSS colour, e.g. #0f6fbd).")
  String navColor;

  @Option(
      names = "--modal",
      paramLabel = "NAME",
      description =
          "Show one of Argo's UI modals (repeatable): feedback, firstTimeUser or newVersion"
              + " (default: none).")
  List<String> modals = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;
  private final Interrupts interrupts;

  ServerCommand(PrintStream out, PrintStream err, Interrupts interrupts) {
    this.out = out;
    this.err = err;
    this.interrupts = interrupts;
  }

  /** How this server describes itself to a second one refused its store. */
  private String holder() {
    String host;
    try {
      // the kernel's name: no DNS lookup that could stall the start
      host = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      host = "this machine";
    }
    return "weft server pid "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + ", port "
        + port
        + ", since "
        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  @Override
  public Integer call() throws Exception {
    if (kube && !load.isEmpty()) {
      err.println("weft: -f is for a local server; with --kube, apply the objects with kubectl");
      return Main.EXIT_BAD_INPUT;
    }
    if (kube) return serveCluster();
    if (servedKey.given()) {
      err.println(
          "weft: --signing-key-secret and --signing-public-key are for --kube; a local server"
              + " signs with its own key (--signing-key)");
      return Main.EXIT_BAD_INPUT;
    }
    ServerLoad.Read loaded = ServerLoad.read(load);
    if (!loaded.problems().isEmpty()) {
      loaded.problems().forEach(err::println);
      return Main.EXIT_BAD_INPUT;
    }
    SandboxMode.Probe probe = SandboxMode.probe();
    if (probe.mode() != SandboxMode.NAMESPACES) err.println("weft: " + probe.message());
    Path dataDir = DataDir.resolve();
    Signing signing;
    try { // before the locks: a bad key file is bad input, nothing to release
      signing = signingKey.signing(dataDir, "server", probe);
    } catch (IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    Optional<DataDirLock> lock = DataDirLock.tryAcquire(dataDir);
    if (lock.isEmpty()) {
      err.println(
          "weft: another weft server is using "
              + dataDir
              + " ("
              + dataDir.resolve("server.lock")
              + " is locked)");
      return Main.EXIT_BAD_INPUT;
    }
    String location = storeLocation;
    if (location == null) location = System.getenv("WEFT_STORE");
    if (location == null || location.isBlank()) location = dataDir.resolve("weft.db").toString();
    // One server per store, however it is spelt (a symlink, another data directory, a URL).
    StoreLock storeLock;
    try {
      storeLock = StoreLock.acquire(location, holder());
    } catch (StoreLock.Held e) {
      err.println("weft: " + e.getMessage() + "; one server per store");
      lock.get().close();
      return Main.EXIT_BAD_INPUT;
    } catch (IOException | IllegalArgumentException e) {
      err.println("weft: cannot open the store " + location + ": " + e.getMessage());
      lock.get().close();
      return Main.EXIT_BAD_INPUT;
    }
    JdbcStore store;
    try {
      store = Stores.open(location);
    } catch (StorageFailure | IllegalArgumentException e) {
      err.println("weft: cannot open the store " + location + ": " + e.getMessage());
      lock.get().close();
      storeLock.close();
      return Main.EXIT_BAD_INPUT;
    }
    List<String> invalid = ServerLoad.invalid(store, loaded);
    if (!invalid.isEmpty()) {
      invalid.forEach(err::println);
      store.close();
      lock.get().close();
      storeLock.close();
      return Main.EXIT_BAD_INPUT;
    }
    try {
      ServerLoad.store(store, loaded.resources());
    } catch (RuntimeException e) {
      err.println("weft: cannot store the -f objects: " + e.getMessage());
      store.close();
      lock.get().close();
      storeLock.close();
      return Main.EXIT_BAD_INPUT;
    }
    String lockedStore = location;
    storeLock.watch(
        () -> {
          // Another server may take the store now: stop at once, as a crash would (steps live on).
          err.println(
              "weft: lost the lock on the store "
                  + lockedStore
                  + " (its database session ended); stopping so that no two servers drive it");
          err.flush();
          Runtime.getRuntime().halt(Main.EXIT_LOST_STORE);
        });
    CountDownLatch stop = new CountDownLatch(1);
    try (DataDirLock held = lock.get();
        StoreLock heldStore = storeLock;
        ControlPlane plane = plane(dataDir, probe, store, signing)) {
      WeftServer server;
      try {
        server = WeftServer.start(config(dataDir, null), plane);
      } catch (IllegalArgumentException e) {
        err.println("weft: " + e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      interrupts.onInterrupt(stop::countDown);
      out.println("weft server listening on http://" + bind + ":" + server.port());
      out.println("store: " + location);
      if (!insecureNoAuth) {
        out.println("bearer token: " + dataDir.resolve("server-token") + " (mode 0600)");
      }
      out.println(
          "provenance: signed with key "
              + signing.key().keyId()
              + ", envelopes in "
              + Signing.attestationDirectory(dataDir));
      try {
        stop.await();
      } finally {
        interrupts.clear();
        server.close();
      }
      return 0;
    }
  }

  private ControlPlane plane(
      Path dataDir, SandboxMode.Probe probe, JdbcStore store, Signing signing) throws IOException {
    return ControlPlane.service(
        dataDir,
        probe,
        store,
        store::close,
        hostAccess.toHostAccess(),
        repositoryConfig(),
        signing);
  }

  /**
   * What --artifact-repository names, null without it.
   *
   * @throws IllegalArgumentException when the file cannot be read or is not a repository
   */
  private dev.weft.controller.artifact.ArtifactRepositoryConfig repositoryConfig() {
    if (artifactRepository == null) return null;
    String text =
        switch (dev.weft.model.codec.InputFile.read(artifactRepository)) {
          case dev.weft.model.codec.InputFile.Text t -> t.text();
          case dev.weft.model.codec.InputFile.Refused r ->
              throw new IllegalArgumentException(r.why().format());
        };
    try {
      return dev.weft.controller.artifact.ArtifactRepositoryConfig.parse(
          text, artifactRepository.toString());
    } catch (dev.weft.controller.artifact.ArtifactConfigException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /**
   * The server's configuration; {@code managedNamespace} is the one namespace served (--kube
   * --namespace), which the UI is told so that it stays there.
   *
   * @throws IllegalArgumentException for a malformed --link, --column, --nav-color or --modal
   */
  ServerConfig config(Path dataDir, String managedNamespace) {
    ServerInfo info =
        new ServerInfo(
            managedNamespace,
            links.stream().map(ServerInfo::link).toList(),
            columns.stream().map(ServerInfo::column).toList(),
            navColor,
            Set.copyOf(modals));
    return new ServerConfig(bind, port, dataDir, insecureNoAuth, info);
  }

  /** `weft server --kube`: the same API, over the cluster's objects. */
  private int serveCluster() throws Exception {
    if (signingKey.keyFile != null) {
      err.println(
          "weft: --signing-key: with --kube the controller signs (weft controller --signing-key)");
      return Main.EXIT_BAD_INPUT;
    }
    Path dataDir = DataDir.resolve();
    dev.weft.controller.artifact.ArtifactRepositoryConfig repository;
    dev.weft.kube.provenance.PublicKeySource served;
    try {
      repository = repositoryConfig();
      served = servedKey.source();
    } catch (IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    try (io.fabric8.kubernetes.client.KubernetesClient client =
            new io.fabric8.kubernetes.client.KubernetesClientBuilder().build();
        ControlPlane plane =
            dev.weft.kube.control.KubeApi.open(client, namespace, repository, served)) {
      WeftServer server;
      try {
        server = WeftServer.start(config(dataDir, namespace), plane);
      } catch (IllegalArgumentException e) {
        err.println("weft: " + e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      CountDownLatch stop = new CountDownLatch(1);
      interrupts.onInterrupt(stop::countDown);
      out.println("weft server listening on http://" + bind + ":" + server.port());
      out.println("cluster: " + client.getMasterUrl());
      try {
        stop.await();
      } finally {
        interrupts.clear();
        server.close();
      }
      return 0;
    }
  }
}
