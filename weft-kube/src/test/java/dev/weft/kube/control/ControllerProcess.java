package dev.weft.kube.control;

import dev.weft.kube.sim.ExecutorImage;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A `weft controller` candidate in a process of its own, for the failover test: arguments are the
 * kubeconfig of the mock and this candidate's identity. It campaigns for the Lease as the real
 * command does; the test kills it with SIGKILL.
 */
public final class ControllerProcess {
  private ControllerProcess() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(Path.of(args[0])));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      ControllerRunner.run(
          client,
          new ControllerOptions(
              null, null, ExecutorImage.IMAGE, 8, "weft-controller-configmap", "default"),
          true,
          args[1],
          stop,
          System.err);
    }
  }
}
