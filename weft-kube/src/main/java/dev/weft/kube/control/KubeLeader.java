package dev.weft.kube.control;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Leader election on a Lease, as Argo's controller does, but releasing the lease when stopped: a
 * standby takes over in seconds rather than a whole lease duration.
 */
public final class KubeLeader {
  public static final Duration LEASE = Duration.ofSeconds(15);
  public static final Duration RENEW = Duration.ofSeconds(10);
  public static final Duration RETRY = Duration.ofSeconds(2);

  private KubeLeader() {}

  /** The Lease's name: Argo's convention with Weft's name. */
  public static String leaseName(String instanceId) {
    return instanceId == null || instanceId.isEmpty()
        ? "weft-controller"
        : "weft-controller-" + instanceId;
  }

  /**
   * Campaigns until cancelled: {@code lead} runs on winning, {@code lost} when leadership ends
   * (after which this process must stop acting: another may lead now).
   */
  public static CompletableFuture<?> campaign(
      KubernetesClient client,
      String namespace,
      String instanceId,
      String identity,
      Runnable lead,
      Runnable lost) {
    var config =
        new LeaderElectionConfigBuilder()
            .withName(leaseName(instanceId))
            .withLock(new LeaseLock(namespace, leaseName(instanceId), identity))
            .withLeaseDuration(LEASE)
            .withRenewDeadline(RENEW)
            .withRetryPeriod(RETRY)
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(new LeaderCallbacks(lead, lost, leader -> {}))
            .build();
    return client.leaderElector().withConfig(config).build().start();
  }
}
