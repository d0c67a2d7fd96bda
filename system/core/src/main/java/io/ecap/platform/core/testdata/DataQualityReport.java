package io.ecap.platform.core.testdata;

import java.util.List;

/** The outcome of the data quality checks: each check counts the rows that break its rule. */
public record DataQualityReport(List<Check> checks, long orders, double fraudShare) {

  public DataQualityReport {
    checks = List.copyOf(checks);
  }

  /** One rule and how many rows violate it. */
  public record Check(String name, String rule, long violations) {
    public boolean passed() {
      return violations == 0;
    }
  }

  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  public List<Check> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
