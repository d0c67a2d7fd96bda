package io.ecap.platform.analytics.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The results of one run of a rule set over the silver tables at {@code silverVersions}. */
public record QualityReport(UUID runId, Instant checkedAt, String silverVersions, List<RuleResult> results) {

  public QualityReport {
    results = List.copyOf(results);
  }

  public List<RuleResult> criticalFailures() {
    return results.stream().filter(r -> !r.passed() && r.severity() == Severity.CRITICAL).toList();
  }

  public List<RuleResult> failures() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  public RuleResult result(String rule) {
    return results.stream().filter(r -> r.rule().equals(rule)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rule " + rule + " in the report"));
  }
}
