package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.col;


/** Values of {@code column} lie in [min, max] (nulls are left to the completeness rules). */
public final class RangeRule extends TableRule {

  private final String column;
  private final double min;
  private final double max;

  public RangeRule(String table, String column, double min, double max, Severity severity) {
    super(table + "." + column + ".in_range", table, RuleKind.RANGE, severity);
    this.column = column;
    this.min = min;
    this.max = max;
  }

  @Override
  public RuleResult evaluate(RuleInputs inputs) {
    var data = inputs.silver(table());
    long total = data.count();
    long failing = data.filter(col(column).lt(min).or(col(column).gt(max))).count();
    return rowCount(failing, total, failing + " rows with " + column + " outside [" + fmt(min) + ", " + fmt(max) + "]");
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
