package io.ecap.testenv.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ecap.testenv.operator.api.spec.KafkaSpec;
import io.ecap.testenv.operator.api.spec.LakeSpec;
import io.ecap.testenv.operator.api.spec.MetricsSpec;
import io.ecap.testenv.operator.api.spec.PlatformSpec;
import io.ecap.testenv.operator.api.spec.PostgresSpec;
import io.ecap.testenv.operator.api.spec.Profile;
import io.ecap.testenv.operator.api.spec.QualityGatesSpec;
import io.ecap.testenv.operator.api.spec.RedisSpec;
import io.ecap.testenv.operator.api.spec.ResourcesSpec;
import io.ecap.testenv.operator.api.spec.SparkSpec;
import io.ecap.testenv.operator.api.spec.TeardownSpec;
import io.ecap.testenv.operator.api.spec.TestsSpec;
import io.ecap.testenv.operator.api.spec.TimeoutsSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of an {@link IntegrationTestRun}. Defaults live in the CRD schema, not in code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"profile", "platform", "kafka", "postgres", "redis", "lake", "spark", "tests", "qualityGates",
    "teardown", "metrics", "timeouts", "resources"})
public class IntegrationTestRunSpec {

  static final String IMMUTABLE = "self == oldSelf";
  static final String IMMUTABLE_MESSAGE = "is immutable once the run has been created";

  @JsonPropertyDescription("Size of the generated dataset and the default sizing of every component: small fits a 2-core laptop, medium and large need a real cluster.")
  @Default("small")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private Profile profile;

  @JsonPropertyDescription("The platform under test: its image and the services started from it.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private PlatformSpec platform;

  @JsonPropertyDescription("Kafka cluster of the environment (Strimzi, KRaft mode) and its topics.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private KafkaSpec kafka;

  @JsonPropertyDescription("PostgreSQL database of the environment.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private PostgresSpec postgres;

  @JsonPropertyDescription("Redis cache of the environment.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private RedisSpec redis;

  @JsonPropertyDescription("The data lake's volume on Kubernetes: seeding writes the landing files there, the Spark jobs their Delta tables; the services and the test runner read it. The embedded backend uses a local directory instead.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private LakeSpec lake;

  @JsonPropertyDescription("Spark jobs run after the dataset is seeded and before the suites (cluster mode on Kubernetes, local mode embedded).")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private SparkSpec spark;

  @JsonPropertyDescription("The integration suites to run, how they are sharded, retried and timed out.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private TestsSpec tests;

  @JsonPropertyDescription("Thresholds the aggregated results must meet for the run to succeed.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private QualityGatesSpec qualityGates;

  @JsonPropertyDescription("What happens to the environment and to this resource once the run has finished. May be changed while the run is in progress.")
  @Default("{}")
  private TeardownSpec teardown;

  @JsonPropertyDescription("Where the test runner pushes its metrics.")
  @Default("{}")
  private MetricsSpec metrics;

  @JsonPropertyDescription("Time limit of each phase before the environment; a phase that overruns fails the run and names the component that was not ready.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private TimeoutsSpec timeouts;

  @JsonPropertyDescription("Resource requests and limits per component. A component left out is sized from the profile.")
  @Default("{}")
  @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
  private ResourcesSpec resources;

  public Profile getProfile() { return profile; }
  public void setProfile(Profile profile) { this.profile = profile; }
  public PlatformSpec getPlatform() { return platform; }
  public void setPlatform(PlatformSpec platform) { this.platform = platform; }
  public KafkaSpec getKafka() { return kafka; }
  public void setKafka(KafkaSpec kafka) { this.kafka = kafka; }
  public PostgresSpec getPostgres() { return postgres; }
  public void setPostgres(PostgresSpec postgres) { this.postgres = postgres; }
  public RedisSpec getRedis() { return redis; }
  public void setRedis(RedisSpec redis) { this.redis = redis; }
  public LakeSpec getLake() { return lake; }
  public void setLake(LakeSpec lake) { this.lake = lake; }
  public SparkSpec getSpark() { return spark; }
  public void setSpark(SparkSpec spark) { this.spark = spark; }
  public TestsSpec getTests() { return tests; }
  public void setTests(TestsSpec tests) { this.tests = tests; }
  public QualityGatesSpec getQualityGates() { return qualityGates; }
  public void setQualityGates(QualityGatesSpec qualityGates) { this.qualityGates = qualityGates; }
  public TeardownSpec getTeardown() { return teardown; }
  public void setTeardown(TeardownSpec teardown) { this.teardown = teardown; }
  public MetricsSpec getMetrics() { return metrics; }
  public void setMetrics(MetricsSpec metrics) { this.metrics = metrics; }
  public TimeoutsSpec getTimeouts() { return timeouts; }
  public void setTimeouts(TimeoutsSpec timeouts) { this.timeouts = timeouts; }
  public ResourcesSpec getResources() { return resources; }
  public void setResources(ResourcesSpec resources) { this.resources = resources; }
}
