package dev.weft.model.spec;

public record Memoize(String key, Cache cache, String maxAge) {
  public record Cache(KeyRef configMap) {}
}
