package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One quality gate: its limit, what was measured, and whether it passed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GateResult {

  @JsonPropertyDescription("Gate name, as in spec.qualityGates.")
  private String name;
  @JsonPropertyDescription("The limit from the spec.")
  private Double limit;
  @JsonPropertyDescription("The measured value; absent when nothing measured it.")
  private Double measured;
  @JsonPropertyDescription("Passed, Failed, or NotEvaluated when nothing measured it.")
  private String outcome;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Double getLimit() { return limit; }
  public void setLimit(Double limit) { this.limit = limit; }
  public Double getMeasured() { return measured; }
  public void setMeasured(Double measured) { this.measured = measured; }
  public String getOutcome() { return outcome; }
  public void setOutcome(String outcome) { this.outcome = outcome; }
}
