package io.ecap.platform.services.admin;

import java.util.Optional;

/**
 * The test hooks of this platform process, behind {@code /admin/*}: fault injection and recent logs. Both are
 * off unless the launcher turned them on ({@code --embedded}, or ECAP_FAULT_INJECTION / ECAP_LOG_ACCESS).
 * The launcher {@linkplain #install installs} them once, before it starts the services.
 */
public record AdminHooks(FaultInjection faults, Optional<RecentLogs> logs) {

  private static volatile AdminHooks process = disabled();

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
