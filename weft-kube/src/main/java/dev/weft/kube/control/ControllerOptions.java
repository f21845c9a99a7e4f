package dev.weft.kube.control;

import dev.weft.kube.provenance.SecretSigningKey;
import java.nio.file.Path;

/**
 * How `weft controller` runs.
 *
 * @param managedNamespace the one namespace to manage; null for the whole cluster
 * @param instanceId Argo's controller instance id; null for none
 * @param executorImage the image of the init and wait containers
 * @param workers workflows reconciled at once
 * @param configMap the controller's ConfigMap (Argo's workflow-controller-configmap keys)
 * @param namespace the controller's own namespace: its ConfigMap, Lease and signing key live there
 * @param signingKeySecret the Secret holding the signing key, created at first start if absent
 * @param signingKeyFile a PKCS#8 PEM key file to sign with instead of the Secret's; null for none
 */
public record ControllerOptions(
    String managedNamespace,
    String instanceId,
    String executorImage,
    int workers,
    String configMap,
    String namespace,
    String signingKeySecret,
    Path signingKeyFile) {

  /** With the signing key in the default Secret ({@value SecretSigningKey#DEFAULT_NAME}). */
  public ControllerOptions(
      String managedNamespace,
      String instanceId,
      String executorImage,
      int workers,
      String configMap,
      String namespace) {
    this(
        managedNamespace,
        instanceId,
        executorImage,
        workers,
        configMap,
        namespace,
        SecretSigningKey.DEFAULT_NAME,
        null);
  }
}
