package dev.weft.store;

import java.util.List;

/** A consistent list: the items as of {@code resourceVersion}, from which a watch can start. */
public record ListResult<T>(List<T> items, String resourceVersion) {
  public ListResult {
    items = List.copyOf(items);
  }
}
