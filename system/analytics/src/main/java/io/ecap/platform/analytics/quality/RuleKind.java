package io.ecap.platform.analytics.quality;

/** The families of data-quality rules. */
public enum RuleKind {
  COMPLETENESS, UNIQUENESS, RANGE, REFERENTIAL_INTEGRITY, FRESHNESS, DISTRIBUTION_DRIFT
}
