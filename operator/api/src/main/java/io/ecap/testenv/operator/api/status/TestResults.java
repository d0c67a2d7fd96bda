package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Results aggregated over all shards. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestResults {

  @JsonPropertyDescription("Tests run.")
  private int total;
  @JsonPropertyDescription("Tests that passed on the first attempt.")
  private int passed;
  @JsonPropertyDescription("Tests that failed on every attempt.")
  private int failed;
  @JsonPropertyDescription("Tests skipped.")
  private int skipped;
  @JsonPropertyDescription("Tests that passed only on a retry; never counted as clean passes.")
  private int flaky;
  @JsonPropertyDescription("Clean passes over tests run (skipped excluded), in percent.")
  private double successRate;
  @JsonPropertyDescription("Shards that reported results, out of tests.parallelism.")
  private int shardsReported;
  @JsonPropertyDescription("Per-suite counts and durations.")
  private List<SuiteResult> suites;
  @JsonPropertyDescription("Names of the flaky tests.")
  private List<String> flakyTests;
  @JsonPropertyDescription("The first failures, with message and the start of the stack.")
  private List<FailureSummary> failures;

  public int getTotal() { return total; }
  public void setTotal(int total) { this.total = total; }
  public int getPassed() { return passed; }
  public void setPassed(int passed) { this.passed = passed; }
  public int getFailed() { return failed; }
  public void setFailed(int failed) { this.failed = failed; }
  public int getSkipped() { return skipped; }
  public void setSkipped(int skipped) { this.skipped = skipped; }
  public int getFlaky() { return flaky; }
  public void setFlaky(int flaky) { this.flaky = flaky; }
  public double getSuccessRate() { return successRate; }
  public void setSuccessRate(double successRate) { this.successRate = successRate; }
  public int getShardsReported() { return shardsReported; }
  public void setShardsReported(int shardsReported) { this.shardsReported = shardsReported; }
  public List<SuiteResult> getSuites() { return suites; }
  public void setSuites(List<SuiteResult> suites) { this.suites = suites; }
  public List<String> getFlakyTests() { return flakyTests; }
  public void setFlakyTests(List<String> flakyTests) { this.flakyTests = flakyTests; }
  public List<FailureSummary> getFailures() { return failures; }
  public void setFailures(List<FailureSummary> failures) { this.failures = failures; }
}
