package io.ecap.testenv.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecap.testenv.operator.api.status.ComponentStatus;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.api.status.ResourceFootprint;
import io.ecap.testenv.operator.api.status.SparkJobStatus;
import io.ecap.testenv.operator.api.status.TestResults;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an {@link IntegrationTestRun}; written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IntegrationTestRunStatus {

  @JsonPropertyDescription("Pending, Provisioning, Testing, Succeeded or Failed.")
  private Phase phase;
  @JsonPropertyDescription("Machine-readable reason of the phase, e.g. Queued, EnvironmentNotReady, TestsFailed.")
  private String reason;
  @JsonPropertyDescription("Human-readable explanation of the phase.")
  private String message;
  @JsonPropertyDescription("The generation of the spec the status was computed from.")
  private Long observedGeneration;
  @JsonPropertyDescription("Namespace that holds the run's environment.")
  private String namespace;
  @JsonPropertyDescription("When provisioning started (RFC 3339).")
  private String startedAt;
  @JsonPropertyDescription("When every component was ready (RFC 3339).")
  private String environmentReadyAt;
  @JsonPropertyDescription("When the last shard finished (RFC 3339).")
  private String testsFinishedAt;
  @JsonPropertyDescription("When the run reached a final phase (RFC 3339).")
  private String finishedAt;
  @JsonPropertyDescription("Time from start to finish, e.g. 12m30s.")
  private String duration;
  @JsonPropertyDescription("EnvironmentReady, TestsCompleted, QualityGatesPassed and TornDown, following Kubernetes API conventions.")
  private List<Condition> conditions = new ArrayList<>();
  @JsonPropertyDescription("Readiness of each component of the environment.")
  private List<ComponentStatus> components;
  @JsonPropertyDescription("State and duration of each Spark job.")
  private List<SparkJobStatus> sparkJobs;
  @JsonPropertyDescription("Test results aggregated over all shards.")
  private TestResults results;
  @JsonPropertyDescription("Performance figures measured by the suites.")
  private PerformanceFigures performance;
  @JsonPropertyDescription("Each quality gate with its limit and measured value.")
  private List<GateResult> gates;
  @JsonPropertyDescription("Requested CPU and memory of the run's namespace over its lifetime.")
  private ResourceFootprint footprint;
  @JsonPropertyDescription("Failed deletions during teardown; each is retried.")
  private Integer teardownFailures;
  @JsonPropertyDescription("ConfigMap in this resource's namespace holding pod logs and warning events collected before teardown.")
  private String diagnosticsConfigMap;

  public Phase getPhase() { return phase; }
  public void setPhase(Phase phase) { this.phase = phase; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public String getNamespace() { return namespace; }
  public void setNamespace(String namespace) { this.namespace = namespace; }
  public String getStartedAt() { return startedAt; }
  public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
  public String getEnvironmentReadyAt() { return environmentReadyAt; }
  public void setEnvironmentReadyAt(String environmentReadyAt) { this.environmentReadyAt = environmentReadyAt; }
  public String getTestsFinishedAt() { return testsFinishedAt; }
  public void setTestsFinishedAt(String testsFinishedAt) { this.testsFinishedAt = testsFinishedAt; }
  public String getFinishedAt() { return finishedAt; }
  public void setFinishedAt(String finishedAt) { this.finishedAt = finishedAt; }
  public String getDuration() { return duration; }
  public void setDuration(String duration) { this.duration = duration; }
  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
  public List<ComponentStatus> getComponents() { return components; }
  public void setComponents(List<ComponentStatus> components) { this.components = components; }
  public List<SparkJobStatus> getSparkJobs() { return sparkJobs; }
  public void setSparkJobs(List<SparkJobStatus> sparkJobs) { this.sparkJobs = sparkJobs; }
  public TestResults getResults() { return results; }
  public void setResults(TestResults results) { this.results = results; }
  public PerformanceFigures getPerformance() { return performance; }
  public void setPerformance(PerformanceFigures performance) { this.performance = performance; }
  public List<GateResult> getGates() { return gates; }
  public void setGates(List<GateResult> gates) { this.gates = gates; }
  public ResourceFootprint getFootprint() { return footprint; }
  public void setFootprint(ResourceFootprint footprint) { this.footprint = footprint; }
  public Integer getTeardownFailures() { return teardownFailures; }
  public void setTeardownFailures(Integer teardownFailures) { this.teardownFailures = teardownFailures; }
  public String getDiagnosticsConfigMap() { return diagnosticsConfigMap; }
  public void setDiagnosticsConfigMap(String diagnosticsConfigMap) { this.diagnosticsConfigMap = diagnosticsConfigMap; }
}
