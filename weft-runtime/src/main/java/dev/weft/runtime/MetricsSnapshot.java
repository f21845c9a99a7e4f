package dev.weft.runtime;

import java.time.Duration;

/**
 * A controller's counters at one moment.
 *
 * @param queueDepth keys ready to be handed out
 * @param waiting keys waiting for a delay to pass
 * @param adds keys queued (after deduplication)
 * @param retries rate-limited requeues (errors and {@link Result.Requeue})
 * @param errors reconciles that threw
 * @param workCount reconciles finished
 * @param workDuration total time spent in finished reconciles, by the controller's ticker
 * @param inFlight reconciles running now
 */
public record MetricsSnapshot(
    int queueDepth,
    int waiting,
    long adds,
    long retries,
    long errors,
    long workCount,
    Duration workDuration,
    int inFlight) {}
