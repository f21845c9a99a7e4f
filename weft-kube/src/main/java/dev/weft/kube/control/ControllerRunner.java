package dev.weft.kube.control;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the controller until {@code stop}: at once, or (with leader election) once this process
 * holds the Lease. Losing the Lease halts the process, as Argo's controller exits: another leader
 * may act already, so this one must not write again.
 */
public final class ControllerRunner {
  private ControllerRunner() {}

  /** Env var that turns leader election off, as in Argo. */
  public static final String DISABLE_ENV = "LEADER_ELECTION_DISABLE";

  /** Env var naming this candidate (the pod name, through the downward API). */
  public static final String IDENTITY_ENV = "LEADER_ELECTION_IDENTITY";

  public static int run(
      KubernetesClient client,
      ControllerOptions options,
      boolean elect,
      String identity,
      CountDownLatch stop,
      PrintStream err)
      throws Exception {
    AtomicReference<KubeController> running = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean(false);
    if (!elect) {
      running.set(KubeController.start(client, options));
      err.println("weft controller: running (leader election disabled)");
    } else {
      var campaign =
          KubeLeader.campaign(
              client,
              options.namespace(),
              options.instanceId(),
              identity,
              () ->
                  Thread.ofPlatform()
                      .name("weft-leader")
                      .start(
                          () -> {
                            try {
                              running.set(KubeController.start(client, options));
                              err.println("weft controller: leading as " + identity);
                            } catch (Exception e) {
                              err.println("weft controller: cannot start: " + e.getMessage());
                              err.flush();
                              Runtime.getRuntime().halt(1);
                            }
                          }),
              () -> {
                if (stopping.get()) return;
                err.println("weft controller: lost the lease; stopping");
                err.flush();
                Runtime.getRuntime().halt(1);
              });
      stop.await();
      stopping.set(true);
      campaign.cancel(true);
    }
    if (!elect) stop.await();
    KubeController c = running.get();
    if (c != null) c.close();
    return 0;
  }
}
