package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.col;


/** Every non-null {@code table.column} exists as {@code parent.parentColumn} (what a foreign key would enforce). */
public final class ReferentialIntegrityRule extends TableRule {

  private final String column;
  private final String parent;
  private final String parentColumn;

  public ReferentialIntegrityRule(String table, String column, String parent, String parentColumn, Severity severity) {
    super(table + "." + column + ".references_" + parent, table, RuleKind.REFERENTIAL_INTEGRITY, severity);
    this.column = column;
    this.parent = parent;
    this.parentColumn = parentColumn;
  }

  @Override
  public RuleResult evaluate(RuleInputs inputs) {
    var child = inputs.silver(table());
    var keys = inputs.silver(parent).select(col(parentColumn).as("_parent_key")).distinct();
    long total = child.count();
    long orphans = child.filter(col(column).isNotNull())
        .join(keys, col(column).equalTo(col("_parent_key")), "left_anti").count();
    return rowCount(orphans, total, orphans + " rows whose " + column + " is not a " + parent + "." + parentColumn);
  }
}
