package dev.weft.kube.control;

/**
 * How `weft controller` runs.
 *
 * @param managedNamespace the one namespace to manage; null for the whole cluster
 * @param instanceId Argo's controller instance id; null for none
 * @param executorImage the image of the init and wait containers
 * @param workers workflows reconciled at once
 * @param configMap the controller's ConfigMap (Argo's workflow-controller-configmap keys)
 * @param namespace the controller's own namespace: its ConfigMap and Lease live there
 */
public record ControllerOptions(
    String managedNamespace,
    String instanceId,
    String executorImage,
    int workers,
    String configMap,
    String namespace) {}
