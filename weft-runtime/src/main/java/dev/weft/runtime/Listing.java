package dev.weft.runtime;

import java.util.List;

/** A full list of objects and the version it is consistent with, to watch from. */
public record Listing<T>(List<T> items, String resourceVersion) {
  public Listing {
    items = List.copyOf(items);
  }
}
