package dev.weft.kube.provenance;

import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.provenance.BuilderIdentity;
import dev.weft.controller.provenance.RepositoryAttestations;
import dev.weft.controller.provenance.Signing;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Signing for `weft controller`: the key from its Secret (or a file), envelopes in the artifact
 * repository, builder {@code kubernetes/pod}. Without an artifact repository there is nowhere
 * durable to keep envelopes (the controller's own disk dies with its pod): signing is then off, and
 * the controller says so when it starts.
 */
public final class KubeSigning {
  private static final System.Logger LOG = System.getLogger(KubeSigning.class.getName());

  /** Steps run as Pods: the guarantees are the cluster's, one builder id for them. */
  public static final BuilderIdentity BUILDER = new BuilderIdentity("kubernetes", "pod");

  private KubeSigning() {}

  /**
   * @param repository the controller's artifact repository; null if none is configured
   * @param keySecret the Secret {@code namespace/keySecret} holding the key
   * @param keyFile a key file to use instead of the Secret; null for none
   */
  public static Optional<Signing> of(
      KubernetesClient client,
      String namespace,
      String keySecret,
      Path keyFile,
      ArtifactRepository repository)
      throws IOException {
    if (repository == null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "no artifactRepository in the controller's ConfigMap: workflows are not signed"
              + " (their envelopes would have nowhere to be kept)");
      return Optional.empty();
    }
    SigningKey key;
    if (keyFile != null) {
      try {
        key = SigningKey.load(keyFile);
      } catch (MalformedEnvelopeException e) {
        throw new IllegalArgumentException("--signing-key: " + e.getMessage(), e);
      }
    } else {
      key = SecretSigningKey.loadOrCreate(client, namespace, keySecret);
    }
    return Optional.of(
        new Signing(
            key,
            new RepositoryAttestations(repository.store(), repository.root().resolve("signing")),
            BUILDER));
  }
}
