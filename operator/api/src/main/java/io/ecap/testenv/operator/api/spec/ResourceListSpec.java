package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** CPU and memory quantities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceListSpec {

  @JsonPropertyDescription("CPU (a quantity such as 500m or 2).")
  @Pattern(Formats.QUANTITY)
  private String cpu;

  @JsonPropertyDescription("Memory (a quantity such as 512Mi or 2Gi).")
  @Pattern(Formats.QUANTITY)
  private String memory;

  public ResourceListSpec() {
  }

  public ResourceListSpec(String cpu, String memory) {
    this.cpu = cpu;
    this.memory = memory;
  }

  public String getCpu() { return cpu; }
  public void setCpu(String cpu) { this.cpu = cpu; }
  public String getMemory() { return memory; }
  public void setMemory(String memory) { this.memory = memory; }
}
