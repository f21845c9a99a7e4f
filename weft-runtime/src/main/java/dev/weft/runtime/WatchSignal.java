package dev.weft.runtime;

/** What a watch tells an informer. */
public sealed interface WatchSignal<T> {

  enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }

  /** An object changed; for DELETED, its last state. */
  record Event<T>(Type type, T object) implements WatchSignal<T> {}

  /** The watch's start version is no longer available: relist. */
  record Expired<T>() implements WatchSignal<T> {}

  /** The watch broke; the informer relists after its retry delay. */
  record Failed<T>(Throwable cause) implements WatchSignal<T> {}
}
