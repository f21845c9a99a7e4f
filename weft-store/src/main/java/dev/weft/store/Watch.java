package dev.weft.store;

/** A running watch; closing it stops delivery (an event being handled completes). */
public interface Watch extends AutoCloseable {

  @Override
  void close();
}
