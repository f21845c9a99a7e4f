package dev.weft.model.spec;

public record ContinueOn(Boolean error, Boolean failed) {
  public boolean onError() {
    return Boolean.TRUE.equals(error);
  }

  public boolean onFailed() {
    return Boolean.TRUE.equals(failed);
  }
}
