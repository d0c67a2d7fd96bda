package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A plain environment variable for a platform service. */
public class EnvVarSpec {

  @JsonPropertyDescription("Name of the variable.")
  @Required
  @Pattern(Formats.ENV_NAME)
  private String name;

  @JsonPropertyDescription("Value of the variable.")
  private String value;

  public EnvVarSpec() {
  }

  public EnvVarSpec(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getValue() { return value; }
  public void setValue(String value) { this.value = value; }
}
