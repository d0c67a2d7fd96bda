package io.ecap.platform.analytics.jobs;

import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What a job is pointed at: the lake, PostgreSQL (optional: without it only the lake is written), a clock, and the id
 * its run is recorded under in {@code analytics_job_runs}: {@code ECAP_JOB_RUN_ID} when whoever launched it (the API,
 * the operator) already announced the run and handed out that id, else a new one.
 */
public record JobEnvironment(LakeConfig lake, Optional<JdbcTarget> jdbc, Clock clock, Optional<UUID> runId) {

  public JobEnvironment(LakeConfig lake, Optional<JdbcTarget> jdbc, Clock clock) {
    this(lake, jdbc, clock, Optional.empty());
  }

  public static JobEnvironment fromSystem() {
    String runId = System.getenv("ECAP_JOB_RUN_ID");
    return new JobEnvironment(LakeConfig.fromEnvironment(), JdbcTarget.fromEnvironment(), Clock.systemUTC(),
        runId == null || runId.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(runId.trim())));
  }
}
