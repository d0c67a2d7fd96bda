package io.ecap.platform.analytics.quality;

/**
 * The outcome of one rule on one table.
 *
 * @param failingRows rows that break the rule (for table-level rules such as freshness: all rows, or none)
 * @param observed the measured value (null share, PSI, age in hours, ...), null when the rule has none
 * @param threshold the limit {@code observed} was held to, null when the rule is a plain row count
 */
public record RuleResult(String rule, String table, RuleKind kind, Severity severity, boolean passed, long failingRows,
                         long totalRows, Double observed, Double threshold, String details) {

  public String summary() {
    return rule + " (" + kind + ", " + severity + ") " + (passed ? "passed" : "FAILED on " + failingRows + " of "
        + totalRows + " rows") + ": " + details;
  }
}
