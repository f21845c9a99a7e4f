package dev.weft.controller.cron;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that only moves when a test moves it. */
final class MutableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  static MutableClock at(String instant) {
    return new MutableClock(Instant.parse(instant), ZoneId.of("UTC"));
  }

  void set(String instant) {
    now = Instant.parse(instant);
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new MutableClock(now, z);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
