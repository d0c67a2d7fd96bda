package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Resources per component; each one left out is sized from the profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {

  @JsonPropertyDescription("Each Kafka node.")
  private ComponentResourcesSpec kafka;
  @JsonPropertyDescription("The PostgreSQL pod.")
  private ComponentResourcesSpec postgres;
  @JsonPropertyDescription("The Redis pod.")
  private ComponentResourcesSpec redis;
  @JsonPropertyDescription("Each replica of each platform service.")
  private ComponentResourcesSpec services;
  @JsonPropertyDescription("Each Spark driver (its memory is spark.driverMemory plus overhead when omitted).")
  private ComponentResourcesSpec sparkDriver;
  @JsonPropertyDescription("Each Spark executor.")
  private ComponentResourcesSpec sparkExecutor;
  @JsonPropertyDescription("Each test-runner shard.")
  private ComponentResourcesSpec testRunner;

  public ComponentResourcesSpec getKafka() { return kafka; }
  public void setKafka(ComponentResourcesSpec kafka) { this.kafka = kafka; }
  public ComponentResourcesSpec getPostgres() { return postgres; }
  public void setPostgres(ComponentResourcesSpec postgres) { this.postgres = postgres; }
  public ComponentResourcesSpec getRedis() { return redis; }
  public void setRedis(ComponentResourcesSpec redis) { this.redis = redis; }
  public ComponentResourcesSpec getServices() { return services; }
  public void setServices(ComponentResourcesSpec services) { this.services = services; }
  public ComponentResourcesSpec getSparkDriver() { return sparkDriver; }
  public void setSparkDriver(ComponentResourcesSpec sparkDriver) { this.sparkDriver = sparkDriver; }
  public ComponentResourcesSpec getSparkExecutor() { return sparkExecutor; }
  public void setSparkExecutor(ComponentResourcesSpec sparkExecutor) { this.sparkExecutor = sparkExecutor; }
  public ComponentResourcesSpec getTestRunner() { return testRunner; }
  public void setTestRunner(ComponentResourcesSpec testRunner) { this.testRunner = testRunner; }
}
