package dev.weft.kube.exec;

import dev.weft.kube.pods.PodProtocol;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.Map;

/**
 * What runs in a step pod's executor containers: `weft executor wait` and `weft executor
 * init-artifacts`. It talks to the API server as the pod's service account (in-cluster config, or
 * KUBECONFIG where a test kubelet gives one).
 */
public final class ExecutorMain {
  private ExecutorMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  public static int run(String[] args, Map<String, String> env) {
    if (args.length != 1) {
      System.err.println("usage: weft executor wait|init-artifacts");
      return 2;
    }
    try {
      ArtifactTransfer artifacts = Repositories.transfer(env.get(PodProtocol.ENV_REPOSITORY), env);
      return switch (args[0]) {
        case "wait" -> {
          try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            Path var = Path.of(env.getOrDefault("WEFT_VAR", PodProtocol.VAR));
            yield new WaitCommand(client, env, var, artifacts).run();
          }
        }
        case "init-artifacts" ->
            new InitArtifactsCommand(env, Path.of(PodProtocol.INPUTS), artifacts).run();
        default -> {
          System.err.println("weft executor: unknown command " + args[0]);
          yield 2;
        }
      };
    } catch (Exception e) {
      System.err.println("weft executor " + args[0] + ": " + e.getMessage());
      return 1;
    }
  }
}
