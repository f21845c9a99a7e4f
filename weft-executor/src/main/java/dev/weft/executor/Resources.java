package dev.weft.executor;

import java.util.OptionalLong;

/**
 * Resource limits of a container. Only {@code memoryBytes} is enforced, as an address-space limit
 * (RLIMIT_AS); {@code cpuMillis} is recorded but not enforced (that needs cgroups). See the README.
 */
public record Resources(OptionalLong memoryBytes, OptionalLong cpuMillis) {
  public static final Resources NONE = new Resources(OptionalLong.empty(), OptionalLong.empty());

  public Resources {
    if (memoryBytes.isPresent() && memoryBytes.getAsLong() <= 0) {
      throw new IllegalArgumentException("memoryBytes must be positive");
    }
  }

  public static Resources memory(long bytes) {
    return new Resources(OptionalLong.of(bytes), OptionalLong.empty());
  }
}
