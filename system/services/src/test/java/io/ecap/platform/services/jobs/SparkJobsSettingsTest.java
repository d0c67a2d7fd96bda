package io.ecap.platform.services.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.services.config.PlatformEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the Spark job routes are on, why they are off (said so the operator can act), and what a job is given. */
class SparkJobsSettingsTest {

  private static final PlatformEndpoints ENDPOINTS = new PlatformEndpoints("kafka:9092", "jdbc:postgresql://db/ecap",
      "ecap", "secret", "redis://redis:6379");

  @TempDir
  Path dir;

  @Test
  void offWithoutAJarOrALocalLakeSayingHowToTurnThemOn() throws Exception {
    SparkJobs none = SparkJobs.configure(Map.of(), Optional.of(dir.toString()), ENDPOINTS);
    assertThat(none.isEnabled()).isFalse();
    assertThat(none.disabledReason()).contains("ECAP_SPARK_JOBS_JAR").contains("/app/spark-jobs.jar")
        .contains("ECAP_LAKE_PATH");
    assertThat(SparkJobs.configure(Map.of("ECAP_SPARK_JOBS_JAR", dir.resolve("missing.jar").toString()),
        Optional.of(dir.toString()), ENDPOINTS).disabledReason()).contains(dir.resolve("missing.jar") + " is not a file");
    Path jar = Files.writeString(dir.resolve("jobs.jar"), "");
    Map<String, String> env = Map.of("ECAP_SPARK_JOBS_JAR", jar.toString());
    assertThat(SparkJobs.configure(env, Optional.empty(), ENDPOINTS).disabledReason()).contains("no lake path");
    assertThat(SparkJobs.configure(env, Optional.of("s3a://bucket/lake"), ENDPOINTS).disabledReason())
        .contains("s3a://bucket/lake is not a local directory");
    try (SparkJobs on = SparkJobs.configure(env, Optional.of(dir.resolve("lake").toString()), ENDPOINTS)) {
      assertThat(on.isEnabled()).isTrue();
      assertThat(on.lakes().path("x")).isEqualTo(dir.resolve("lake/scratch/x"));
    }
  }

  @Test
  void aJobGetsThePlatformsEndpointsItsLakeAndItsRunId() {
    SparkJobsSettings settings = SparkJobsSettings.of(dir.resolve("jobs.jar"), dir, ENDPOINTS, Map.of());
    UUID id = UUID.randomUUID();
    assertThat(settings.environment(id, dir.resolve("scratch/s"))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "ECAP_JDBC_URL", "jdbc:postgresql://db/ecap", "ECAP_JDBC_USER", "ecap", "ECAP_JDBC_PASSWORD", "secret",
        "ECAP_KAFKA_BOOTSTRAP", "kafka:9092", "ECAP_LAKE_PATH", dir.resolve("scratch/s").toString(),
        "ECAP_JOB_RUN_ID", id.toString()));
    assertThat(SparkJobsSettings.NOT_INHERITED).contains("ECAP_LANDING_PATH");
    assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.heap()).isEqualTo("1g");
    assertThat(settings.logDir(id)).isEqualTo(dir.resolve("_job_logs").resolve(id.toString()));
  }

  @Test
  void theTimeoutAndHeapAreConfigurableAndCheckedAtStart() {
    SparkJobsSettings s = SparkJobsSettings.of(dir, dir, ENDPOINTS, Map.of("ECAP_SPARK_JOB_TIMEOUT", "90s",
        "ECAP_SPARK_JOB_HEAP", "1536m"));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.heap()).isEqualTo("1536m");
    assertThat(SparkJobsSettings.duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(SparkJobsSettings.duration("250ms")).isEqualTo(Duration.ofMillis(250));
    for (String bad : new String[] {"15", "0m", "-1m", "fast", "1d"}) {
      assertThatThrownBy(() -> SparkJobsSettings.duration(bad)).as(bad).hasMessageContaining("ECAP_SPARK_JOB_TIMEOUT");
    }
    assertThatThrownBy(() -> SparkJobsSettings.of(dir, dir, ENDPOINTS, Map.of("ECAP_SPARK_JOB_HEAP", "lots")))
        .hasMessageContaining("ECAP_SPARK_JOB_HEAP");
  }
}
