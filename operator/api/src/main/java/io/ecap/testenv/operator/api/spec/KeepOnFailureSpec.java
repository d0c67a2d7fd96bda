package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Keeps a failed run's environment for inspection, for a bounded time. */
@ValidationRule(value = "duration(self.expiry) > duration('0s')", message = "must be a positive duration",
    fieldPath = ".expiry")
public class KeepOnFailureSpec {

  @JsonPropertyDescription("Keep the environment of a failed run instead of tearing it down.")
  @Default("false")
  private Boolean enabled;

  @JsonPropertyDescription("How long a kept environment lives after the run failed (a positive duration such as 4h); then it is torn down.")
  @Default("4h")
  @Pattern(Formats.DURATION)
  private String expiry;

  public Boolean getEnabled() { return enabled; }
  public void setEnabled(Boolean enabled) { this.enabled = enabled; }
  public String getExpiry() { return expiry; }
  public void setExpiry(String expiry) { this.expiry = expiry; }
}
