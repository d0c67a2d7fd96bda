package io.ecap.testenv.operator.status;

/** Machine-readable reasons of phases and conditions: who is at fault when a run fails. */
public final class Reasons {
  public static final String QUEUED = "Queued";
  public static final String PROVISIONING = "Provisioning";
  public static final String SEEDING = "Seeding";
  public static final String RUNNING_SPARK_JOBS = "RunningSparkJobs";
  public static final String TESTING = "Testing";
  public static final String INVALID_SPEC = "InvalidSpec";
  /** A component did not become ready in time, or its preparation (seeding, a Spark job) failed. */
  public static final String ENVIRONMENT_NOT_READY = "EnvironmentNotReady";
  /** The cluster failed the run: a pod evicted, OOMKilled, an image that cannot be pulled. */
  public static final String INFRASTRUCTURE_FAILURE = "InfrastructureFailure";
  public static final String TESTS_FAILED = "TestsFailed";
  public static final String QUALITY_GATES_FAILED = "QualityGatesFailed";
  public static final String SUCCEEDED = "QualityGatesPassed";
  public static final String TORN_DOWN = "TornDown";
  public static final String TEARDOWN_IN_PROGRESS = "TeardownInProgress";
  public static final String TEARDOWN_STUCK = "TeardownStuck";
  public static final String DELETION_FAILED = "DeletionFailed";
  public static final String KEPT = "Kept";
  public static final String NOTHING_CREATED = "NothingCreated";

  private Reasons() {
  }
}
