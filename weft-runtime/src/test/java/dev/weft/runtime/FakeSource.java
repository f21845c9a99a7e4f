package dev.weft.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A list/watch source over named integer values, standing in for an API server. */
final class FakeSource {
  record Item(String name, int value) {}

  private final Map<String, Item> items = new TreeMap<>();
  private final List<String> watchStarts = new ArrayList<>();
  private long version;
  private int listCalls;
  private boolean expireNextWatch;
  private Consumer<WatchSignal<Item>> sink;

  synchronized Listing<Item> list() {
    listCalls++;
    return new Listing<>(List.copyOf(items.values()), Long.toString(version));
  }

  synchronized AutoCloseable watch(String from, Consumer<WatchSignal<Item>> newSink) {
    watchStarts.add(from);
    if (expireNextWatch) {
      expireNextWatch = false;
      throw new WatchExpiredException("too old resource version: " + from);
    }
    sink = newSink;
    return () -> closeWatch(newSink);
  }

  private synchronized void closeWatch(Consumer<WatchSignal<Item>> closing) {
    if (sink == closing) {
      sink = null;
    }
  }

  synchronized void put(String name, int value) {
    version++;
    Item item = new Item(name, value);
    Item old = items.put(name, item);
    send(
        new WatchSignal.Event<>(
            old == null ? WatchSignal.Type.ADDED : WatchSignal.Type.MODIFIED, item));
  }

  synchronized void remove(String name) {
    version++;
    Item old = items.remove(name);
    send(new WatchSignal.Event<>(WatchSignal.Type.DELETED, old));
  }

  /** Changes the state without telling the watch, as if its events were compacted away. */
  synchronized void putSilently(String name, int value) {
    version++;
    items.put(name, new Item(name, value));
  }

  synchronized void removeSilently(String name) {
    version++;
    items.remove(name);
  }

  synchronized void expireWatch() {
    send(new WatchSignal.Expired<>());
  }

  synchronized void expireNextWatch() {
    expireNextWatch = true;
  }

  synchronized boolean watching() {
    return sink != null;
  }

  synchronized int listCalls() {
    return listCalls;
  }

  synchronized List<String> watchStarts() {
    return List.copyOf(watchStarts);
  }

  private void send(WatchSignal<Item> signal) {
    if (sink != null) {
      sink.accept(signal);
    }
  }
}
