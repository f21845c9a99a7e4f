package dev.weft.cli;

import dev.weft.kube.control.ApiRateLimit;
import dev.weft.kube.control.ControllerOptions;
import dev.weft.kube.control.ControllerRunner;
import dev.weft.kube.pods.PodSettings;
import dev.weft.kube.provenance.SecretSigningKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "controller",
    description = {
      "Runs Weft as the workflow controller of a Kubernetes cluster: Argo's Workflows,"
          + " WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows (argoproj.io/v1alpha1)"
          + " run, each step as a Pod.",
      "Connects with the in-cluster service account, else KUBECONFIG or ~/.kube/config.",
      "Leader election on the Lease weft-controller[-<instance id>] in its namespace;"
          + " LEADER_ELECTION_DISABLE=true turns it off, LEADER_ELECTION_IDENTITY names this"
          + " candidate."
    },
    mixinStandardHelpOptions = true)
final class ControllerCommand implements Callable<Integer> {
  @Option(
      names = "--namespaced",
      description = "Manage only one namespace (--managed-namespace, default: its own).")
  boolean namespaced;

  @Option(names = "--managed-namespace", description = "The namespace to manage when namespaced.")
  String managedNamespace;

  @Option(
      names = "--instance-id",
      description = "Only workflows labelled workflows.argoproj.io/controller-instanceid=ID.")
  String instanceId;

  @Option(
      names = "--executor-image",
      defaultValue = PodSettings.DEFAULT_EXECUTOR_IMAGE,
      description = "Image of the init and wait containers (default: ${DEFAULT-VALUE}).")
  String executorImage;

  @Option(
      names = "--configmap",
      defaultValue = "weft-controller-configmap",
      description =
          "ConfigMap with Argo's controller keys: artifactRepository, images, workflowDefaults,"
              + " parallelism.")
  String configMap;

  @Option(
      names = "--workflow-workers",
      defaultValue = "32",
      description = "Workflows reconciled at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--qps",
      defaultValue = "20",
      description = "Requests per second to the API server (default: ${DEFAULT-VALUE}).")
  double qps;

  @Option(
      names = "--burst",
      defaultValue = "30",
      description = "Requests allowed at once above --qps (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(
      names = "--signing-key-secret",
      paramLabel = "NAME",
      defaultValue = SecretSigningKey.DEFAULT_NAME,
      description =
          "The Secret in the controller's namespace holding the provenance signing key"
              + " (ed25519.key, ed25519.pub); created at first start if absent (default:"
              + " ${DEFAULT-VALUE}).")
  String signingKeySecret;

  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description =
          "Sign provenance with this Ed25519 key file (PKCS#8 PEM) instead of the Secret's.")
  Path signingKeyFile;

  private final PrintStream err;
  private final Interrupts interrupts;

  ControllerCommand(PrintStream err, Interrupts interrupts) {
    this.err = err;
    this.interrupts = interrupts;
  }

  @Override
  public Integer call() throws Exception {
    if (workers < 1) throw new IllegalArgumentException("--workflow-workers must be at least 1");
    try (KubernetesClient client = ApiRateLimit.client(new KubernetesClientBuilder(), qps, burst)) {
      String own = client.getNamespace() == null ? "default" : client.getNamespace();
      String managed = namespaced ? (managedNamespace == null ? own : managedNamespace) : null;
      ControllerOptions options =
          new ControllerOptions(
              managed,
              instanceId,
              executorImage,
              workers,
              configMap,
              own,
              signingKeySecret,
              signingKeyFile);
      boolean elect = !"true".equalsIgnoreCase(System.getenv(ControllerRunner.DISABLE_ENV));
      String identity = System.getenv(ControllerRunner.IDENTITY_ENV);
      if (identity == null || identity.isBlank()) {
        identity = "weft-controller-" + ProcessHandle.current().pid();
      }
      CountDownLatch stop = new CountDownLatch(1);
      interrupts.onInterrupt(stop::countDown);
      return ControllerRunner.run(client, options, elect, identity, stop, err);
    }
  }
}
