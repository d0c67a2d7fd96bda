package io.ecap.testenv.operator.api.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ecap.testenv.operator.api.status.FailureSummary;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.SuiteResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The results contract: what one test-runner shard writes as {@code summary.json}, in its pod's
 * termination message and in a ConfigMap. The runner writes it and the operator (and the embedded
 * launcher) read it through this one class, so the field names cannot drift apart.
 *
 * <p>Counting: every test is exactly one of passed (first attempt), failed (every attempt), skipped,
 * or flaky (passed only on a retry); {@code total} is their sum.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public class ShardSummary {

  /** Bumped on an incompatible change; readers reject versions they do not know. */
  public static final int SCHEMA_VERSION = 1;

  private int schemaVersion = SCHEMA_VERSION;
  private String runId;
  private int shardIndex;
  private int shardCount;
  private String startedAt;
  private String finishedAt;
  private double durationSeconds;
  private int total;
  private int passed;
  private int failed;
  private int skipped;
  private int flaky;
  private List<SuiteResult> suites = new ArrayList<>();
  private List<String> flakyTests = new ArrayList<>();
  private List<FailureSummary> failures = new ArrayList<>();
  private PerformanceFigures performance;
  /** The test that was running when the run's timeout hit; absent when none did. */
  private String timedOutTest;
  /** Problems of the run itself (an unknown suite, a platform that never became ready...). */
  private List<String> errors = new ArrayList<>();

  public int getSchemaVersion() { return schemaVersion; }
  public void setSchemaVersion(int schemaVersion) { this.schemaVersion = schemaVersion; }
  public String getRunId() { return runId; }
  public void setRunId(String runId) { this.runId = runId; }
  public int getShardIndex() { return shardIndex; }
  public void setShardIndex(int shardIndex) { this.shardIndex = shardIndex; }
  public int getShardCount() { return shardCount; }
  public void setShardCount(int shardCount) { this.shardCount = shardCount; }
  public String getStartedAt() { return startedAt; }
  public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
  public String getFinishedAt() { return finishedAt; }
  public void setFinishedAt(String finishedAt) { this.finishedAt = finishedAt; }
  public double getDurationSeconds() { return durationSeconds; }
  public void setDurationSeconds(double durationSeconds) { this.durationSeconds = durationSeconds; }
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
  public List<SuiteResult> getSuites() { return suites; }
  public void setSuites(List<SuiteResult> suites) { this.suites = suites; }
  public List<String> getFlakyTests() { return flakyTests; }
  public void setFlakyTests(List<String> flakyTests) { this.flakyTests = flakyTests; }
  public List<FailureSummary> getFailures() { return failures; }
  public void setFailures(List<FailureSummary> failures) { this.failures = failures; }
  public PerformanceFigures getPerformance() { return performance; }
  public void setPerformance(PerformanceFigures performance) { this.performance = performance; }
  public String getTimedOutTest() { return timedOutTest; }
  public void setTimedOutTest(String timedOutTest) { this.timedOutTest = timedOutTest; }
  public List<String> getErrors() { return errors; }
  public void setErrors(List<String> errors) { this.errors = errors; }
}
