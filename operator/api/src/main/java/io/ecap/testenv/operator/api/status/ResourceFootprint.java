package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Resources the run's namespace requested, integrated over its lifetime. */
public class ResourceFootprint {

  @JsonPropertyDescription("Requested CPU cores times seconds.")
  private double cpuCoreSeconds;
  @JsonPropertyDescription("Requested memory in GiB times seconds.")
  private double memoryGiBSeconds;

  public double getCpuCoreSeconds() { return cpuCoreSeconds; }
  public void setCpuCoreSeconds(double cpuCoreSeconds) { this.cpuCoreSeconds = cpuCoreSeconds; }
  public double getMemoryGiBSeconds() { return memoryGiBSeconds; }
  public void setMemoryGiBSeconds(double memoryGiBSeconds) { this.memoryGiBSeconds = memoryGiBSeconds; }
}
