package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Time limits of the phases before the tests (the test phase's own limit is tests.timeout). */
public class TimeoutsSpec {

  @JsonPropertyDescription("Time for the infrastructure and the platform services to become ready (a duration such as 15m).")
  @Default("15m")
  @Pattern(Formats.DURATION)
  private String environment;

  @JsonPropertyDescription("Time for the dataset seeding job.")
  @Default("10m")
  @Pattern(Formats.DURATION)
  private String seeding;

  @JsonPropertyDescription("Time for all Spark jobs together.")
  @Default("30m")
  @Pattern(Formats.DURATION)
  private String sparkJobs;

  @JsonPropertyDescription("Time for the teardown; past it the run names what is left and why.")
  @Default("10m")
  @Pattern(Formats.DURATION)
  private String teardown;

  public String getEnvironment() { return environment; }
  public void setEnvironment(String environment) { this.environment = environment; }
  public String getSeeding() { return seeding; }
  public void setSeeding(String seeding) { this.seeding = seeding; }
  public String getSparkJobs() { return sparkJobs; }
  public void setSparkJobs(String sparkJobs) { this.sparkJobs = sparkJobs; }
  public String getTeardown() { return teardown; }
  public void setTeardown(String teardown) { this.teardown = teardown; }
}
