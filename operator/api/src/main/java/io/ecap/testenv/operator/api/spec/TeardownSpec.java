package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Teardown of the environment and lifetime of the finished resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.ttlSecondsAfterFinished) || self.policy != 'Never'",
    message = "requires a teardown policy that deletes the environment (Always or OnSuccess)",
    fieldPath = ".ttlSecondsAfterFinished")
@ValidationRule(value = "!self.keepOnFailure.enabled || self.policy != 'Never'",
    message = "has no effect with policy Never, which keeps every environment",
    fieldPath = ".keepOnFailure.enabled")
public class TeardownSpec {

  @JsonPropertyDescription("When the environment is deleted: Always, OnSuccess (a failed run's environment is kept) or Never.")
  @Default("Always")
  private TeardownPolicy policy;

  @JsonPropertyDescription("Seconds after the run finished (and its environment was torn down) when the IntegrationTestRun itself is deleted; kept forever when omitted.")
  @Min(0)
  @Max(31536000)
  private Integer ttlSecondsAfterFinished;

  @JsonPropertyDescription("Keep a failed run's environment for a while to debug it, then tear it down.")
  @Default("{}")
  private KeepOnFailureSpec keepOnFailure;

  public TeardownPolicy getPolicy() { return policy; }
  public void setPolicy(TeardownPolicy policy) { this.policy = policy; }
  public Integer getTtlSecondsAfterFinished() { return ttlSecondsAfterFinished; }
  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) { this.ttlSecondsAfterFinished = ttlSecondsAfterFinished; }
  public KeepOnFailureSpec getKeepOnFailure() { return keepOnFailure; }
  public void setKeepOnFailure(KeepOnFailureSpec keepOnFailure) { this.keepOnFailure = keepOnFailure; }
}
