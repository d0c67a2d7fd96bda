package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Thresholds the aggregated results must meet. A latency gate with no measured figure (its suite
 * did not run) is reported as not evaluated, never as passed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QualityGatesSpec {

  @JsonPropertyDescription("Minimum share of tests that passed cleanly, in percent (0..100). Flaky tests do not count as clean passes.")
  @Default("95")
  @Min(0)
  @Max(100)
  private Double minSuccessRate;

  @JsonPropertyDescription("Largest allowed number of flaky tests; unlimited when omitted.")
  @Min(0)
  private Integer maxFlakyTests;

  @JsonPropertyDescription("Largest allowed 95th percentile of API response time under load, in milliseconds.")
  @Default("200")
  @Min(1)
  private Integer apiP95Millis;

  @JsonPropertyDescription("Largest allowed 99th percentile of streaming end-to-end latency, in milliseconds.")
  @Default("100")
  @Min(1)
  private Integer streamingP99Millis;

  @JsonPropertyDescription("Largest allowed time of a standard analytics query, in milliseconds.")
  @Default("5000")
  @Min(1)
  private Integer queryMillis;

  @JsonPropertyDescription("Largest allowed 99th percentile of fraud-model inference, in milliseconds.")
  @Default("50")
  @Min(1)
  private Integer inferenceP99Millis;

  @JsonPropertyDescription("Largest allowed 99th percentile of the health endpoint's response time, in milliseconds.")
  @Default("10")
  @Min(1)
  private Integer healthP99Millis;

  public Double getMinSuccessRate() { return minSuccessRate; }
  public void setMinSuccessRate(Double minSuccessRate) { this.minSuccessRate = minSuccessRate; }
  public Integer getMaxFlakyTests() { return maxFlakyTests; }
  public void setMaxFlakyTests(Integer maxFlakyTests) { this.maxFlakyTests = maxFlakyTests; }
  public Integer getApiP95Millis() { return apiP95Millis; }
  public void setApiP95Millis(Integer apiP95Millis) { this.apiP95Millis = apiP95Millis; }
  public Integer getStreamingP99Millis() { return streamingP99Millis; }
  public void setStreamingP99Millis(Integer streamingP99Millis) { this.streamingP99Millis = streamingP99Millis; }
  public Integer getQueryMillis() { return queryMillis; }
  public void setQueryMillis(Integer queryMillis) { this.queryMillis = queryMillis; }
  public Integer getInferenceP99Millis() { return inferenceP99Millis; }
  public void setInferenceP99Millis(Integer inferenceP99Millis) { this.inferenceP99Millis = inferenceP99Millis; }
  public Integer getHealthP99Millis() { return healthP99Millis; }
  public void setHealthP99Millis(Integer healthP99Millis) { this.healthP99Millis = healthP99Millis; }
}
