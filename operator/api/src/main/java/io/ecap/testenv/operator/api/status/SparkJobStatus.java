package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** State of one Spark application of the run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SparkJobStatus {

  @JsonPropertyDescription("Job name, as in spec.spark.jobs.")
  private String name;
  @JsonPropertyDescription("Pending, Running, Succeeded or Failed (the driver pod's phase).")
  private String state;
  @JsonPropertyDescription("Name of the driver pod.")
  private String driverPod;
  @JsonPropertyDescription("Seconds from submission until the driver finished.")
  private Double durationSeconds;
  @JsonPropertyDescription("Why the job failed, when it did.")
  private String message;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public String getDriverPod() { return driverPod; }
  public void setDriverPod(String driverPod) { this.driverPod = driverPod; }
  public Double getDurationSeconds() { return durationSeconds; }
  public void setDurationSeconds(Double durationSeconds) { this.durationSeconds = durationSeconds; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}
