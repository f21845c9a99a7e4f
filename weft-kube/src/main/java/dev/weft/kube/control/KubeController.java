package dev.weft.kube.control;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.artifact.ArtifactConfigException;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.controller.artifact.SecretLookup;
import dev.weft.controller.provenance.Signing;
import dev.weft.controller.workflow.WorkflowDefaults;
import dev.weft.controller.workflow.WorkflowThrottle;
import dev.weft.kube.pods.KubePods;
import dev.weft.kube.pods.PodSettings;
import dev.weft.kube.provenance.KubeSigning;
import dev.weft.kube.store.KubeCaches;
import dev.weft.kube.store.KubeInformers;
import dev.weft.kube.store.KubeScope;
import dev.weft.kube.store.KubeStore;
import dev.weft.kube.store.NodePacking;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

/**
 * `weft controller` composed: the store and the pod runtime on the API server under the same
 * controllers and engine as local mode. Started once this process leads.
 */
public final class KubeController implements AutoCloseable {
  private final ControlPlane plane;
  private final KubeStore store;

  private KubeController(ControlPlane plane, KubeStore store) {
    this.plane = plane;
    this.store = store;
  }

  public static KubeController start(KubernetesClient client, ControllerOptions options)
      throws IOException, InterruptedException {
    return start(client, options, NodePacking.DEFAULT_LIMIT);
  }

  /** With a workflow size limit other than Argo's 1 MiB (tests reach it with small workflows). */
  public static KubeController start(
      KubernetesClient client, ControllerOptions options, int sizeLimit)
      throws IOException, InterruptedException {
    ControllerConfig config =
        ControllerConfig.read(client, options.namespace(), options.configMap());
    KubeScope scope = new KubeScope(options.managedNamespace(), options.instanceId());
    Duration sync = Duration.ofMinutes(1);
    KubeCaches caches = KubeCaches.start(client, scope, sync);
    KubeStore store = new KubeStore(client, caches, sizeLimit);
    PodSettings settings =
        new PodSettings(
            options.executorImage(),
            options.instanceId(),
            config.entrypoints(),
            config.artifactRepository(),
            config.credentials());
    KubePods pods = KubePods.start(client, scope, settings, Clock.systemUTC(), sync);
    ArtifactRepository repository = repository(config, store);
    Signing signing =
        KubeSigning.of(
                client,
                options.namespace(),
                options.signingKeySecret(),
                options.signingKeyFile(),
                repository)
            .orElse(null);
    ControlPlane plane =
        ControlPlane.cluster(
            store,
            new KubeInformers(caches, store.typed()),
            () -> {
              pods.close();
              caches.close();
              if (repository != null) repository.close();
            },
            pods,
            options.workers(),
            new WorkflowDefaults(config.workflowDefaults()),
            new WorkflowThrottle(config.parallelism()),
            repository,
            signing);
    return new KubeController(plane, store);
  }

  /**
   * The controller's artifact repository (where envelopes are kept), credentials from the
   * workflow's namespace's Secrets as the executor reads them; null when none is configured.
   */
  private static ArtifactRepository repository(ControllerConfig config, KubeStore store)
      throws IOException {
    if (config.artifactRepository() == null) return null;
    try {
      return ArtifactRepository.from(
          ArtifactRepositoryConfig.parse(
              config.artifactRepository(), "the controller's artifactRepository"),
          SecretLookup.fromStore(store),
          Files.createTempDirectory("weft-controller-artifacts"));
    } catch (ArtifactConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public ControlPlane plane() {
    return plane;
  }

  public KubeStore store() {
    return store;
  }

  @Override
  public void close() throws Exception {
    plane.close();
  }
}
