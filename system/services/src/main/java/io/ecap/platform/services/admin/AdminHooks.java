package io.ecap.platform.services.admin;

import io.ecap.platform.services.jobs.SparkJobs;
import java.util.Optional;

/**
 * The test hooks of this platform process, behind {@code /admin/*} and {@code /api/v1/admin/*}: fault injection,
 * recent logs, and Spark jobs over scratch lakes. All are off unless the launcher turned them on ({@code --embedded},
 * or ECAP_FAULT_INJECTION / ECAP_LOG_ACCESS / ECAP_SPARK_JOBS_JAR). The launcher {@linkplain #install installs} them
 * once, before it starts the services.
 */
public record AdminHooks(FaultInjection faults, Optional<RecentLogs> logs, SparkJobs sparkJobs) {

  private static volatile AdminHooks process = disabled();

  /** Fault injection and logs only; the Spark job routes off. */
  public AdminHooks(FaultInjection faults, Optional<RecentLogs> logs) {
    this(faults, logs, SparkJobs.notConfigured());
  }

  public static AdminHooks disabled() {
    return new AdminHooks(FaultInjection.disabled(), Optional.empty());
  }

  /** The hooks of this process (disabled unless the launcher installed others). */
  public static AdminHooks process() {
    return process;
  }

  public static void install(AdminHooks hooks) {
    process = hooks;
  }
}
