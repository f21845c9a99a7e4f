package dev.weft.runtime;

/**
 * Brings the world in line with the desired state of one key. Throwing means "retry with backoff";
 * the error is logged and counted.
 */
@FunctionalInterface
public interface Reconciler<K> {
  Result reconcile(K key) throws Exception;
}
