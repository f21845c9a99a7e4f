package dev.weft.runtime;

/** A reconcile that threw: the key, the error, and how often the key had failed before. */
public record ReconcileFailure<K>(K key, Throwable error, int previousFailures) {}
