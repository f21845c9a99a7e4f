package dev.weft.controller.provenance;

/**
 * Which Weft built a run: SLSA requires a mode with different guarantees to have its own
 * builder.id. {@code surface} is run, server or kubernetes; {@code confinement} is sandboxed, host
 * or pod.
 */
public record BuilderIdentity(String surface, String confinement) {
  public String id() {
    return "https://weft.dev/builder/" + surface + "/" + confinement + "/v1";
  }
}
