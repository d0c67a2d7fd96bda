package io.ecap.testenv.operator.model;

/** Values of the {@code app.kubernetes.io/component} label; each informer watches one. */
public final class Component {
  public static final String NAMESPACE = "run-namespace";
  public static final String CREDENTIALS = "credentials";
  public static final String ISOLATION = "isolation";
  public static final String QUOTA = "quota";
  public static final String RBAC = "rbac";
  public static final String POSTGRES = "postgres";
  public static final String REDIS = "redis";
  public static final String KAFKA = "kafka";
  public static final String KAFKA_TOPIC = "kafka-topic";
  public static final String LAKE = "lake";
  public static final String PLATFORM_SERVICE = "platform-service";
  public static final String SEED = "seed";
  public static final String SPARK_SUBMIT = "spark-submit";
  public static final String SPARK_DRIVER = "spark-driver";
  public static final String TEST_RUNNER = "test-runner";
  /** Services of postgres, redis and the platform share one informer. */
  public static final String SERVICE = "service";

  private Component() {
  }
}
