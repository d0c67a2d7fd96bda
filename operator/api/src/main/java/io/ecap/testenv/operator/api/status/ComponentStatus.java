package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Readiness of one component (kafka, postgres, redis, a platform service, the seeding job...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComponentStatus {

  @JsonPropertyDescription("Component name.")
  private String name;
  @JsonPropertyDescription("Pending, Progressing, Ready or Failed.")
  private ComponentState state;
  @JsonPropertyDescription("Why it is not ready (its last condition or pod status), when it is not.")
  private String message;
  @JsonPropertyDescription("Seconds from the start of provisioning until the component was ready.")
  private Double readySeconds;

  public ComponentStatus() {
  }

  public ComponentStatus(String name, ComponentState state, String message, Double readySeconds) {
    this.name = name;
    this.state = state;
    this.message = message;
    this.readySeconds = readySeconds;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public ComponentState getState() { return state; }
  public void setState(ComponentState state) { this.state = state; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public Double getReadySeconds() { return readySeconds; }
  public void setReadySeconds(Double readySeconds) { this.readySeconds = readySeconds; }
}
