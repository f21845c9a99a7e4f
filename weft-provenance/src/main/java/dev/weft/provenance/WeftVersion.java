package dev.weft.provenance;

/** Weft's version: what `weft --version` prints and provenance names as the builder's. */
public final class WeftVersion {
  public static final String VALUE = "0.1.0";

  private WeftVersion() {}
}
