package io.ecap.platform.analytics.quality;

import java.util.Arrays;

/** No two rows share the key: failing rows are the extra copies (rows minus distinct keys). */
public final class UniquenessRule extends TableRule {

  private final String[] key;

  public UniquenessRule(String table, Severity severity, String... key) {
    super(table + "." + String.join("+", key) + ".unique", table, RuleKind.UNIQUENESS, severity);
    this.key = key;
  }

  @Override
  public RuleResult evaluate(RuleInputs inputs) {
    var data = inputs.silver(table()).selectExpr(key);
    long total = data.count();
    long distinct = data.distinct().count();
    return rowCount(total - distinct, total, (total - distinct) + " duplicate rows by " + Arrays.toString(key));
  }
}
