package dev.weft.runtime;

/** Lists every object an informer follows. */
@FunctionalInterface
public interface ListFunction<T> {
  Listing<T> list() throws Exception;
}
