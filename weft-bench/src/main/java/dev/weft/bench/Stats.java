package dev.weft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a sample (nearest rank). */
final class Stats {
  private Stats() {}

  static double percentile(List<Double> sample, double p) {
    if (sample.isEmpty()) return Double.NaN;
    List<Double> sorted = new ArrayList<>(sample);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double median(List<Double> sample) {
    return percentile(sample, 50);
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }
}
