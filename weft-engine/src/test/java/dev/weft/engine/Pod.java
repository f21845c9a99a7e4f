package dev.weft.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a simulated pod behaves: its exit code, stdout result, output parameter values, an optional
 * Argo "Error" (the pod could not run), and how long it runs ({@code null}: it never ends).
 */
public record Pod(
    int exitCode,
    String result,
    Map<String, String> params,
    Optional<String> error,
    Duration runsFor) {

  public static final Duration DEFAULT_RUN = Duration.ofSeconds(1);

  public static Pod ok() {
    return new Pod(0, null, Map.of(), Optional.empty(), DEFAULT_RUN);
  }

  public static Pod ok(String result) {
    return ok().withResult(result);
  }

  public static Pod fail(int exitCode) {
    return new Pod(exitCode, null, Map.of(), Optional.empty(), DEFAULT_RUN);
  }

  public static Pod error(String message) {
    return new Pod(-1, null, Map.of(), Optional.of(message), DEFAULT_RUN);
  }

  /** A pod that never finishes on its own (until killed). */
  public static Pod hang() {
    return ok().runningFor(null);
  }

  public Pod withResult(String newResult) {
    return new Pod(exitCode, newResult, params, error, runsFor);
  }

  public Pod withParam(String name, String value) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put(name, value);
    return new Pod(exitCode, result, p, error, runsFor);
  }

  public Pod runningFor(Duration d) {
    return new Pod(exitCode, result, params, error, d);
  }
}
