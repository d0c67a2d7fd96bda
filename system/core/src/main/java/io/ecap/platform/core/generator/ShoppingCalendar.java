package io.ecap.platform.core.generator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * When people shop: an evening peak and a night trough by hour, busier Sundays and Mondays than Saturdays.
 * Times are drawn inside [start, start + days).
 */
final class ShoppingCalendar {

  /** Relative order volume per hour of day (UTC), 0..23. */
  static final double[] HOUR_WEIGHTS = {
      1.0, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.2, 2.6, 2.8, 3.0,
      3.3, 3.2, 3.0, 3.0, 3.2, 3.6, 4.2, 5.0, 5.4, 5.0, 3.6, 2.0};
  /** Relative order volume per weekday, Monday..Sunday. */
  static final double[] WEEKDAY_WEIGHTS = {1.15, 1.0, 0.95, 0.95, 0.9, 0.8, 1.25};

  private final Instant start;
  private final int days;
  private final double[] hourCumulative;
  private final double maxWeekday;

  ShoppingCalendar(Instant start, int days) {
    this.start = start;
    this.days = days;
    hourCumulative = new double[24];
    double sum = 0;
    for (int h = 0; h < 24; h++) {
      sum += HOUR_WEIGHTS[h];
      hourCumulative[h] = sum;
    }
    for (int h = 0; h < 24; h++) {
      hourCumulative[h] /= sum;
    }
    double max = 0;
    for (double w : WEEKDAY_WEIGHTS) {
      max = Math.max(max, w);
    }
    maxWeekday = max;
  }

  Instant start() {
    return start;
  }

  Instant end() {
    return start.plus(Duration.ofDays(days));
  }

  /** A moment with the seasonal shape: weekday by rejection sampling, hour by inverse CDF. */
  Instant sample(SplittableRandom random) {
    while (true) {
      int day = random.nextInt(days);
      Instant midnight = start.plus(Duration.ofDays(day));
      DayOfWeek weekday = midnight.atZone(ZoneOffset.UTC).getDayOfWeek();
      if (random.nextDouble() * maxWeekday <= WEEKDAY_WEIGHTS[weekday.getValue() - 1]) {
        return midnight.plusSeconds(hour(random) * 3600L + random.nextInt(3600));
      }
    }
  }

  private int hour(SplittableRandom random) {
    double u = random.nextDouble();
    for (int h = 0; h < 24; h++) {
      if (u < hourCumulative[h]) {
        return h;
      }
    }
    return 23;
  }
}
