package dev.weft.kube.sim;

/**
 * Why the kubelet cannot go on with a pod yet; it retries until the cause goes away or the pod is
 * deleted, as a real kubelet does.
 *
 * @param reason the waiting reason a real kubelet reports: {@code CreateContainerConfigError} (env
 *     refers to a missing ConfigMap or Secret, a refused securityContext) or {@code
 *     ContainerCreating} (a volume cannot be mounted yet)
 */
final class KubeletException extends Exception {
  private final String reason;

  KubeletException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  static KubeletException config(String message) {
    return new KubeletException("CreateContainerConfigError", message);
  }

  static KubeletException mount(String message) {
    return new KubeletException("ContainerCreating", message);
  }

  String reason() {
    return reason;
  }
}
