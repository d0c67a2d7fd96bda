package io.ecap.platform.analytics.quality;


/** One check over one lake table. Rules count rows; they never change data. */
public interface QualityRule {

  /** Unique within a rule set, e.g. {@code orders.customer_id.references_customers}. */
  String name();

  String table();

  RuleKind kind();

  Severity severity();

  RuleResult evaluate(RuleInputs inputs);
}
