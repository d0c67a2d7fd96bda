package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Counts and duration of one suite, summed over shards. */
public class SuiteResult {

  @JsonPropertyDescription("Suite name (its tag).")
  private String name;
  @JsonPropertyDescription("Tests run.")
  private int total;
  @JsonPropertyDescription("Tests that passed on the first attempt.")
  private int passed;
  @JsonPropertyDescription("Tests that failed on every attempt.")
  private int failed;
  @JsonPropertyDescription("Tests skipped or aborted by an assumption.")
  private int skipped;
  @JsonPropertyDescription("Tests that passed only on a retry.")
  private int flaky;
  @JsonPropertyDescription("Wall time of the suite in seconds, summed over shards.")
  private double durationSeconds;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
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
  public double getDurationSeconds() { return durationSeconds; }
  public void setDurationSeconds(double durationSeconds) { this.durationSeconds = durationSeconds; }
}
