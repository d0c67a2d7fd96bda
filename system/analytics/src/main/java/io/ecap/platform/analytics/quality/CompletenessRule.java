package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Every row has a value in {@code column} (null, or a blank string, is missing). */
public final class CompletenessRule extends TableRule {

  private final String column;

  public CompletenessRule(String table, String column, Severity severity) {
    super(table + "." + column + ".complete", table, RuleKind.COMPLETENESS, severity);
    this.column = column;
  }

  @Override
  public RuleResult evaluate(RuleInputs inputs) {
    var data = inputs.silver(table());
    boolean text = data.schema().apply(column).dataType().equals(DataTypes.StringType);
    var missing = text ? col(column).isNull().or(trim(col(column)).equalTo("")) : col(column).isNull();
    Row r = data.agg(count("*"), sum(when(missing, 1).otherwise(0))).head();
    long total = r.getLong(0);
    long failing = r.isNullAt(1) ? 0 : r.getLong(1);
    return rowCount(failing, total, failing + " rows without " + column);
  }
}
