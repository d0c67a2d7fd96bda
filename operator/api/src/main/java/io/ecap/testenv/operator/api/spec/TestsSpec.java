package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The integration suites of the run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.parallelism <= size(self.suites)",
    messageExpression = "'must be at most the number of suites (' + string(size(self.suites)) + ')'",
    fieldPath = ".parallelism")
public class TestsSpec {

  public static final String DEFAULT_IMAGE = "ecap/test-runner:0.1.0";

  @JsonPropertyDescription("Image of the test runner (JUnit 5 suites and their launcher).")
  @Default(DEFAULT_IMAGE)
  @Pattern(Formats.IMAGE)
  private String image;

  @JsonPropertyDescription("Suites to run, by tag. ECAP's runner knows api, streaming, cross-service, data-lake, analytics, ml, fraud, observability, health and performance; it reports a suite it does not know as an error.")
  @Default("[\"api\",\"streaming\",\"cross-service\",\"data-lake\",\"analytics\",\"ml\",\"fraud\",\"observability\",\"health\",\"performance\"]")
  @Size(min = 1, max = 50)
  @ValidationRule(value = "self.all(s, self.exists_one(t, t == s))", message = "must not name the same suite twice")
  @ValidationRule(value = "self.all(s, s.matches('" + Formats.DNS_LABEL + "'))",
      message = "each suite name must be an RFC 1123 label (lower-case letters, digits and '-')")
  private List<String> suites;

  @JsonPropertyDescription("Number of shards; each runs a stable, balanced part of the selected test classes in its own pod.")
  @Default("2")
  @Min(1)
  @Max(32)
  private Integer parallelism;

  @JsonPropertyDescription("Time limit of the test phase (a duration such as 30m); the runner reports the test that was running when it hit.")
  @Default("30m")
  @Pattern(Formats.DURATION)
  private String timeout;

  @JsonPropertyDescription("How many times a failed test is retried; a test that passes only on retry is reported as flaky.")
  @Default("1")
  @Min(0)
  @Max(5)
  private Integer retries;

  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public List<String> getSuites() { return suites; }
  public void setSuites(List<String> suites) { this.suites = suites; }
  public Integer getParallelism() { return parallelism; }
  public void setParallelism(Integer parallelism) { this.parallelism = parallelism; }
  public String getTimeout() { return timeout; }
  public void setTimeout(String timeout) { this.timeout = timeout; }
  public Integer getRetries() { return retries; }
  public void setRetries(Integer retries) { this.retries = retries; }
}
