package dev.weft.runtime;

import java.util.function.Consumer;

/**
 * Subscribes to the changes after {@code fromVersion}, delivering them to {@code sink} in order
 * until the returned handle is closed. Throws {@link WatchExpiredException} (or delivers {@link
 * WatchSignal.Expired}) when that version is too old, so the informer relists.
 */
@FunctionalInterface
public interface WatchFunction<T> {
  AutoCloseable watch(String fromVersion, Consumer<WatchSignal<T>> sink) throws Exception;
}
