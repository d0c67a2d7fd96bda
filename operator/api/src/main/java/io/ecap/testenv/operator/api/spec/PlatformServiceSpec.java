package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One long-running service of the platform: a Deployment and a Service in the run's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.env) || self.env.all(e, self.env.exists_one(f, f.name == e.name))",
    message = "must not name the same variable twice", fieldPath = ".env")
public class PlatformServiceSpec {

  @JsonPropertyDescription("Name of the service; it becomes the Deployment and Service name (an RFC 1123 label).")
  @Required
  @Pattern(Formats.DNS_LABEL)
  @Size(min = 1, max = 40)
  private String name;

  @JsonPropertyDescription("Image of the service; the platform image when omitted.")
  @Pattern(Formats.IMAGE)
  private String image;

  @JsonPropertyDescription("Arguments passed to the image's entrypoint.")
  private List<String> args;

  @JsonPropertyDescription("HTTP port the service listens on (API, health and metrics).")
  @Default("8080")
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("Path of the readiness endpoint, probed over HTTP on the port.")
  @Default("/health/ready")
  @Pattern(Formats.HTTP_PATH)
  private String readinessPath;

  @JsonPropertyDescription("Number of replicas.")
  @Default("1")
  @Min(1)
  @Max(10)
  private Integer replicas;

  @JsonPropertyDescription("Extra environment variables; the endpoints of the infrastructure are always set.")
  private List<EnvVarSpec> env;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public List<String> getArgs() { return args; }
  public void setArgs(List<String> args) { this.args = args; }
  public Integer getPort() { return port; }
  public void setPort(Integer port) { this.port = port; }
  public String getReadinessPath() { return readinessPath; }
  public void setReadinessPath(String readinessPath) { this.readinessPath = readinessPath; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public List<EnvVarSpec> getEnv() { return env; }
  public void setEnv(List<EnvVarSpec> env) { this.env = env; }
}
