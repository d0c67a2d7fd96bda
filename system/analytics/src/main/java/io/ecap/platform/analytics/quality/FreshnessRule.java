package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.max;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The newest row of the table arrived within {@code maxAge}. Measured on {@code ingested_at} (when data landed), not
 * on event time: generated histories are dated in the past on purpose, what must be fresh is the load.
 */
public final class FreshnessRule extends TableRule {

  private final String column;
  private final Duration maxAge;
  private final Clock clock;

  public FreshnessRule(String table, String column, Duration maxAge, Severity severity, Clock clock) {
    super(table + "." + column + ".fresh", table, RuleKind.FRESHNESS, severity);
    this.column = column;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public RuleResult evaluate(RuleInputs inputs) {
    var data = inputs.silver(table());
    long total = data.count();
    Timestamp newest = data.agg(max(column)).head().getTimestamp(0);
    double maxHours = maxAge.toSeconds() / 3600.0;
    if (newest == null) {
      return measured(false, total, total, Double.POSITIVE_INFINITY, maxHours, "no rows with " + column);
    }
    double ageHours = Duration.between(newest.toInstant(), clock.instant()).toSeconds() / 3600.0;
    boolean fresh = ageHours <= maxHours;
    return measured(fresh, fresh ? 0 : total, total, ageHours, maxHours,
        String.format("newest %s is %.2f h old (limit %.2f h)", column, ageHours, maxHours));
  }
}
