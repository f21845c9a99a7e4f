/** Kubernetes mode: Weft's store and pod runtime on an API server. */
package dev.weft.kube;
