package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Requests and limits of one component's containers. Requests must not exceed limits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComponentResourcesSpec {

  @JsonPropertyDescription("Resources the scheduler reserves.")
  private ResourceListSpec requests;

  @JsonPropertyDescription("Resources the container may use at most.")
  private ResourceListSpec limits;

  public ResourceListSpec getRequests() { return requests; }
  public void setRequests(ResourceListSpec requests) { this.requests = requests; }
  public ResourceListSpec getLimits() { return limits; }
  public void setLimits(ResourceListSpec limits) { this.limits = limits; }
}
