package dev.weft.executor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one container ended.
 *
 * @param exitCode the process exit code; 128+N when killed by signal N; {@link #NOT_RUN} when the
 *     process never ran
 * @param started whether a process was started
 * @param error set when the container could not run as specified (an Argo "Error", distinct from a
 *     non-zero exit): e.g. {@code executable file not found: "foo"}, a failed dependency, or the
 *     pod being killed before it started
 */
public record ContainerOutcome(
    String name,
    int exitCode,
    boolean started,
    Instant startedAt,
    Instant finishedAt,
    Optional<String> error) {

  public static final int NOT_RUN = -1;

  public ContainerOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(error, "error");
  }

  /** A container that never ran, for the given reason. */
  public static ContainerOutcome notRun(String name, String reason) {
    Instant now = Instant.now();
    return new ContainerOutcome(name, NOT_RUN, false, now, now, Optional.of(reason));
  }

  /** Ran and exited 0 with no error. */
  public boolean succeeded() {
    return started && exitCode == 0 && error.isEmpty();
  }
}
