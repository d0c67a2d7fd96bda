package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Dataset size and default sizing of an environment. */
public enum Profile {
  @JsonProperty("small") SMALL,
  @JsonProperty("medium") MEDIUM,
  @JsonProperty("large") LARGE
}
