package dev.weft.kube.control;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.artifact.ArtifactConfigException;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.controller.artifact.SecretLookup;
import dev.weft.controller.provenance.ProvenanceAccess;
import dev.weft.controller.provenance.RepositoryAttestations;
import dev.weft.kube.pods.KubePods;
import dev.weft.kube.pods.PodSettings;
import dev.weft.kube.provenance.PublicKeySource;
import dev.weft.kube.store.KubeCaches;
import dev.weft.kube.store.KubeScope;
import dev.weft.kube.store.KubeStore;
import dev.weft.kube.store.NodePacking;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * `weft server --kube`: Argo's HTTP API over the cluster's objects. Every action is a write to the
 * Workflow object, which the controller (another process) sees through its informers; pod logs come
 * from the API server.
 */
public final class KubeApi {
  private KubeApi() {}

  /** The plane the server serves, with no artifact repository; closing it stops its caches. */
  public static ControlPlane open(KubernetesClient client, String namespace)
      throws IOException, InterruptedException {
    return open(client, namespace, null);
  }

  /**
   * The plane the server serves; artifacts download from {@code repository} (the controller's
   * artifactRepository, its credentials read from the workflow's namespace's Secrets), none if
   * null. Closing it stops its caches.
   */
  public static ControlPlane open(
      KubernetesClient client, String namespace, ArtifactRepositoryConfig repository)
      throws IOException, InterruptedException {
    return open(client, namespace, repository, PublicKeySource.DEFAULT);
  }

  /** As {@link #open(KubernetesClient, String, ArtifactRepositoryConfig)}, serving that key. */
  public static ControlPlane open(
      KubernetesClient client,
      String namespace,
      ArtifactRepositoryConfig repository,
      PublicKeySource signingKey)
      throws IOException, InterruptedException {
    KubeScope scope = new KubeScope(namespace, null);
    Duration sync = Duration.ofMinutes(1);
    KubeCaches caches = KubeCaches.start(client, scope, sync);
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    PodSettings none =
        new PodSettings(PodSettings.DEFAULT_EXECUTOR_IMAGE, null, Map.of(), null, List.of());
    KubePods pods = KubePods.start(client, scope, none, Clock.systemUTC(), sync);
    ArtifactRepository artifacts = null;
    if (repository != null) {
      try {
        artifacts =
            ArtifactRepository.from(
                repository,
                SecretLookup.fromStore(store),
                Files.createTempDirectory("weft-server-artifacts"));
      } catch (ArtifactConfigException e) {
        pods.close();
        caches.close();
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    ControlPlane plane =
        ControlPlane.clusterApi(
            store,
            () -> {
              pods.close();
              caches.close();
            },
            pods,
            artifacts);
    if (artifacts == null) return plane; // the controller signs nothing without a repository
    String keyNamespace = namespace != null ? namespace : client.getNamespace();
    // the controller's envelopes and public key, where it keeps them (the server signs nothing)
    return plane.serveProvenance(
        new ProvenanceAccess(
            new RepositoryAttestations(
                artifacts.store(), Files.createTempDirectory("weft-server-attestations")),
            () -> signingKey.publicPem(client, keyNamespace)));
  }
}
