package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Performance figures measured by the performance suite; absent when not measured. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PerformanceFigures {

  @JsonPropertyDescription("95th percentile of API response time under load, in milliseconds.")
  private Double apiP95Millis;
  @JsonPropertyDescription("99th percentile of streaming end-to-end latency, in milliseconds.")
  private Double streamingP99Millis;
  @JsonPropertyDescription("Slowest standard analytics query, in milliseconds.")
  private Double queryMillis;
  @JsonPropertyDescription("99th percentile of fraud-model inference, in milliseconds.")
  private Double inferenceP99Millis;
  @JsonPropertyDescription("99th percentile of the health endpoint's response time, in milliseconds.")
  private Double healthP99Millis;
  @JsonPropertyDescription("Sustained streaming throughput in events per second.")
  private Double streamingEventsPerSecond;

  public Double getApiP95Millis() { return apiP95Millis; }
  public void setApiP95Millis(Double apiP95Millis) { this.apiP95Millis = apiP95Millis; }
  public Double getStreamingP99Millis() { return streamingP99Millis; }
  public void setStreamingP99Millis(Double streamingP99Millis) { this.streamingP99Millis = streamingP99Millis; }
  public Double getQueryMillis() { return queryMillis; }
  public void setQueryMillis(Double queryMillis) { this.queryMillis = queryMillis; }
  public Double getInferenceP99Millis() { return inferenceP99Millis; }
  public void setInferenceP99Millis(Double inferenceP99Millis) { this.inferenceP99Millis = inferenceP99Millis; }
  public Double getHealthP99Millis() { return healthP99Millis; }
  public void setHealthP99Millis(Double healthP99Millis) { this.healthP99Millis = healthP99Millis; }
  public Double getStreamingEventsPerSecond() { return streamingEventsPerSecond; }
  public void setStreamingEventsPerSecond(Double streamingEventsPerSecond) { this.streamingEventsPerSecond = streamingEventsPerSecond; }
}
