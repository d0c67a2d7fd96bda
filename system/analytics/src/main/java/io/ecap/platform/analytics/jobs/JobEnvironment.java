package io.ecap.platform.analytics.jobs;

import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import java.time.Clock;
import java.util.Optional;

/** What a job is pointed at: the lake, PostgreSQL (optional: without it only the lake is written) and a clock. */
public record JobEnvironment(LakeConfig lake, Optional<JdbcTarget> jdbc, Clock clock) {

  public static JobEnvironment fromSystem() {
    return new JobEnvironment(LakeConfig.fromEnvironment(), JdbcTarget.fromEnvironment(), Clock.systemUTC());
  }
}
