package dev.weft.cli;

import dev.weft.cli.control.ControlRequests;
import dev.weft.cli.control.ControlSocket;
import dev.weft.cli.local.WorkflowLoader;
import dev.weft.cli.view.LiveView;
import dev.weft.controller.ControlPlane;
import dev.weft.controller.DataDir;
import dev.weft.controller.provenance.Notary;
import dev.weft.controller.provenance.ProvenanceAnnotations;
import dev.weft.controller.provenance.Signing;
import dev.weft.controller.workflow.WorkflowKey;
import dev.weft.executor.SandboxMode;
import dev.weft.lint.Linter;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    description = "Run a workflow on this machine to its end, showing its nodes as they run.",
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The workflow file.")
  Path file;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Load first: WorkflowTemplates, ConfigMaps, Secrets, PersistentVolumeClaims.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Set a workflow argument.")
  List<String> parameters = new ArrayList<>();

  @Option(names = "--entrypoint", description = "Run this template instead of spec.entrypoint.")
  String entrypoint;

  @Option(names = "--name", description = "Name the workflow (instead of metadata.generateName).")
  String name;

  @Mixin HostAccessOptions hostAccess = new HostAccessOptions();

  @Mixin SigningOptions signingKey = new SigningOptions();

  private final PrintStream out;
  private final PrintStream err;
  private final Interrupts interrupts;

  RunCommand(PrintStream out, PrintStream err, Interrupts interrupts) {
    this.out = out;
    this.err = err;
    this.interrupts = interrupts;
  }

  @Override
  public Integer call() throws Exception {
    List<Path> all = new ArrayList<>(files);
    all.add(file);
    var report = new Linter().lint(all, false);
    boolean errors = false;
    for (Diagnostic d : report.diagnostics()) {
      // --entrypoint supplies what the file may lack
      if (entrypoint != null && "spec.entrypoint".equals(d.field())) continue;
      err.println(d.format());
      errors |= d.isError();
    }
    if (errors) return Main.EXIT_BAD_INPUT;
    WorkflowLoader.Loaded loaded = WorkflowLoader.load(file, files, parameters, entrypoint, name);
    loaded.diagnostics().forEach(d -> err.println(d.format()));
    if (!loaded.ok()) return Main.EXIT_BAD_INPUT;
    for (Workflow wf : loaded.workflows()) {
      if (entrypoint != null && !hasTemplate(wf, entrypoint)) {
        err.println(
            "--entrypoint: error: template \"" + entrypoint + "\" is not defined in " + file);
        return Main.EXIT_BAD_INPUT;
      }
    }
    int count = loaded.workflows().size();
    if (count > 1) {
      err.println("weft: " + file + " has " + count + " Workflows; running them one after another");
    }
    SandboxMode.Probe probe = SandboxMode.probe();
    if (probe.mode() != SandboxMode.NAMESPACES) err.println("weft: " + probe.message());
    Path dataDir = DataDir.resolve();
    Signing signing;
    try {
      signing = signingKey.signing(dataDir, "run", probe);
    } catch (IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    try (ControlPlane plane =
        ControlPlane.local(dataDir, probe, hostAccess.toHostAccess(), signing)) {
      try {
        for (Resource r : loaded.supporting()) plane.store().create(r);
      } catch (StoreException e) {
        err.println("weft: " + e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      AtomicInteger presses = new AtomicInteger();
      int exit = 0;
      for (int i = 0; i < count; i++) {
        if (presses.get() > 0) {
          err.println("weft: interrupted; " + (count - i) + " of the file's Workflows not run");
          return Math.max(exit, Main.EXIT_WORKFLOW_FAILED);
        }
        exit = Math.max(exit, runOne(plane, dataDir, loaded.workflows().get(i), presses));
      }
      return exit;
    }
  }

  /** Runs one workflow to its end, with its live view, Ctrl-C handling and control socket. */
  private int runOne(ControlPlane plane, Path dataDir, Workflow submitted, AtomicInteger presses)
      throws Exception {
    Workflow wf;
    try {
      wf = plane.submit(submitted);
    } catch (StoreException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    WorkflowKey key = ControlPlane.key(wf);
    LiveView view =
        new LiveView(
            out,
            System.console() != null && System.getenv("CI") == null,
            (pod, container) -> plane.pods().logs(wf, pod, container));
    view.header(wf);
    interrupts.onInterrupt(
        () -> {
          int n = presses.incrementAndGet();
          if (n == 1) {
            err.println(
                "weft: stopping " + key.name() + " (exit handlers run); Ctrl-C again to terminate");
            plane.shutdown(key, "Stop");
          } else if (n == 2) {
            err.println("weft: terminating " + key.name());
            plane.shutdown(key, "Terminate");
          } else {
            Runtime.getRuntime().halt(130);
          }
        });
    Path socket = ControlSocket.pathFor(dataDir, key.name());
    try (ControlSocket control =
        ControlSocket.open(socket, req -> ControlRequests.handle(plane, key, req))) {
      Workflow current = awaitEnd(plane, wf, view);
      view.finish(current, Instant.now());
      reportSignature(current, plane.signing().orElseThrow());
      return current.status().phase() == WorkflowPhase.SUCCEEDED ? 0 : Main.EXIT_WORKFLOW_FAILED;
    } finally {
      interrupts.clear();
    }
  }

  /** A workflow built on a WorkflowTemplate is checked when it runs; its own templates now. */
  private static boolean hasTemplate(Workflow wf, String name) {
    return wf.spec().workflowTemplateRef() != null
        || wf.spec().templatesOrEmpty().stream().anyMatch(t -> name.equals(t.name()));
  }

  /**
   * Waits for the workflow's end and its signature, which follows the end by a reconcile: `weft
   * run` exits with the envelope written. Every version is seen through a watch from the created
   * one, so a ttlStrategy that deletes the workflow at once cannot hide how it ended: the wait ends
   * with the last version.
   */
  private static Workflow awaitEnd(ControlPlane plane, Workflow created, LiveView view)
      throws InterruptedException {
    AtomicReference<Workflow> latest = new AtomicReference<>(created);
    AtomicReference<CountDownLatch> wake = new AtomicReference<>(new CountDownLatch(1));
    java.util.concurrent.atomic.AtomicBoolean gone =
        new java.util.concurrent.atomic.AtomicBoolean();
    String uid = created.metadata().uid();
    try (var watch =
        plane
            .store()
            .watch(
                Workflow.class,
                created.metadata().namespace(),
                created.metadata().resourceVersion(),
                event -> {
                  if (event.object() instanceof Workflow w && uid.equals(w.metadata().uid())) {
                    latest.set(w);
                    if (event.type() == dev.weft.store.WatchEvent.Type.DELETED) gone.set(true);
                    wake.get().countDown();
                  }
                })) {
      String seenVersion = null;
      while (true) {
        Workflow wf = latest.get();
        String version = wf.metadata().resourceVersion();
        if (!version.equals(seenVersion)) {
          view.update(wf, Instant.now());
          seenVersion = version;
        }
        if (wf.completed() && (Notary.settled(wf) || gone.get())) return wf;
        CountDownLatch next = new CountDownLatch(1);
        wake.set(next);
        if (latest.get() == wf) next.await(200, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Where the envelope is, or why there is none. */
  private void reportSignature(Workflow wf, Signing signing) {
    Map<String, String> notes = wf.metadata().annotationsOrEmpty();
    // only the signer's own verdict about this run counts, never one the submitter wrote
    if (Notary.settled(wf) && "failed".equals(notes.get(ProvenanceAnnotations.SIGNED))) {
      err.println("weft: provenance not signed: " + notes.get(ProvenanceAnnotations.SIGNING_ERROR));
      return;
    }
    String ns = wf.metadata().namespaceOrDefault();
    String uid = wf.metadata().uid();
    boolean stored;
    try { // a workflow its ttlStrategy deleted is gone with its annotations: the file tells
      stored = Notary.settled(wf) || signing.attestations().read(ns, uid).isPresent();
    } catch (java.io.IOException e) {
      stored = false;
    }
    if (stored) out.println("provenance: " + signing.attestations().describe(ns, uid));
    else err.println("weft: provenance not signed: the workflow was deleted before its signature");
  }
}
