package dev.weft.runtime;

/** Told of each change an informer's cache goes through, on the informer's thread. */
public interface EventHandler<T> {

  default void onAdd(T obj) {}

  default void onUpdate(T oldObj, T newObj) {}

  /** {@code obj} is the last state the informer knew. */
  default void onDelete(T obj) {}
}
