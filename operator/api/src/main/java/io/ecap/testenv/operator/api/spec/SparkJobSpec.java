package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** One Spark application: submitted in cluster mode on Kubernetes, run as a local child JVM embedded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SparkJobSpec {

  @JsonPropertyDescription("Name of the job; part of the driver pod's name (an RFC 1123 label).")
  @Required
  @Pattern(Formats.DNS_LABEL)
  @Size(min = 1, max = 40)
  private String name;

  @JsonPropertyDescription("Fully qualified main class of the Spark application.")
  @Required
  @Pattern(Formats.JAVA_CLASS)
  private String mainClass;

  @JsonPropertyDescription("Arguments passed to the application.")
  private List<String> args;

  public SparkJobSpec() {
  }

  public SparkJobSpec(String name, String mainClass) {
    this.name = name;
    this.mainClass = mainClass;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getMainClass() { return mainClass; }
  public void setMainClass(String mainClass) { this.mainClass = mainClass; }
  public List<String> getArgs() { return args; }
  public void setArgs(List<String> args) { this.args = args; }
}
