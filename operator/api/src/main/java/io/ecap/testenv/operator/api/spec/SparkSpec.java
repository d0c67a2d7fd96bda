package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Spark applications of the run and how they are sized. */
public class SparkSpec {

  @JsonPropertyDescription("Image of the Spark driver and executors; it must contain the jobs' jar and spark-kubernetes.")
  @Default(PlatformSpec.DEFAULT_IMAGE)
  @Pattern(Formats.IMAGE)
  private String image;

  @JsonPropertyDescription("Jobs to run, in order, after the dataset is seeded. Defaults to ECAP's analytics and ML jobs; an empty list runs none.")
  @Default("[{\"name\":\"rfm\",\"mainClass\":\"io.ecap.platform.analytics.jobs.RfmSegmentation\"},"
      + "{\"name\":\"clv\",\"mainClass\":\"io.ecap.platform.analytics.jobs.CustomerLifetimeValue\"},"
      + "{\"name\":\"product-analytics\",\"mainClass\":\"io.ecap.platform.analytics.jobs.ProductPerformance\"},"
      + "{\"name\":\"fraud-training\",\"mainClass\":\"io.ecap.platform.analytics.ml.FraudModelTraining\"},"
      + "{\"name\":\"data-quality\",\"mainClass\":\"io.ecap.platform.analytics.quality.DataQualityCheck\"}]")
  @Size(max = 20)
  @ValidationRule(value = "self.all(j, self.exists_one(k, k.name == j.name))",
      message = "must not name the same job twice")
  private List<SparkJobSpec> jobs;

  @JsonPropertyDescription("Number of executor pods per job.")
  @Default("1")
  @Min(1)
  @Max(20)
  private Integer executors;

  @JsonPropertyDescription("Memory of the driver (a quantity such as 1Gi).")
  @Default("1Gi")
  @Pattern(Formats.QUANTITY)
  private String driverMemory;

  @JsonPropertyDescription("Memory of each executor (a quantity such as 1Gi).")
  @Default("1Gi")
  @Pattern(Formats.QUANTITY)
  private String executorMemory;

  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public List<SparkJobSpec> getJobs() { return jobs; }
  public void setJobs(List<SparkJobSpec> jobs) { this.jobs = jobs; }
  public Integer getExecutors() { return executors; }
  public void setExecutors(Integer executors) { this.executors = executors; }
  public String getDriverMemory() { return driverMemory; }
  public void setDriverMemory(String driverMemory) { this.driverMemory = driverMemory; }
  public String getExecutorMemory() { return executorMemory; }
  public void setExecutorMemory(String executorMemory) { this.executorMemory = executorMemory; }
}
