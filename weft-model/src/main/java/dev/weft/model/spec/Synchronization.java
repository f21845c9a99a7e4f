package dev.weft.model.spec;

import java.util.List;

public record Synchronization(
    SemaphoreRef semaphore, Mutex mutex, List<SemaphoreRef> semaphores, List<Mutex> mutexes) {

  public record SemaphoreRef(KeyRef configMapKeyRef, Database database, String namespace) {}

  public record Mutex(String name, String namespace, Boolean database) {}

  public record Database(String key) {}
}
