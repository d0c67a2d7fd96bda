package io.ecap.platform.analytics.quality;

/** The common parts of the rules: identity and how a result is built. */
abstract class TableRule implements QualityRule {

  private final String name;
  private final String table;
  private final RuleKind kind;
  private final Severity severity;

  TableRule(String name, String table, RuleKind kind, Severity severity) {
    this.name = name;
    this.table = table;
    this.kind = kind;
    this.severity = severity;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public RuleKind kind() {
    return kind;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  RuleResult rowCount(long failing, long total, String details) {
    return new RuleResult(name, table, kind, severity, failing == 0, failing, total,
        total == 0 ? 0.0 : (double) failing / total, null, details);
  }

  RuleResult measured(boolean passed, long failing, long total, double observed, double threshold, String details) {
    return new RuleResult(name, table, kind, severity, passed, failing, total, observed, threshold, details);
  }
}
