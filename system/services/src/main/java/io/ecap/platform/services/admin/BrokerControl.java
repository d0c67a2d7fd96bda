package io.ecap.platform.services.admin;

import java.time.Duration;
import java.util.Optional;

/**
 * Restarts the platform's Kafka broker, for POST /admin/kafka/restart: possible only when the broker runs in this
 * process (--embedded), which installs it; a cluster's brokers are not the platform's to restart.
 */
public final class BrokerControl {

  /** Stops the broker for a while and starts it again on the same listener. */
  @FunctionalInterface
  public interface Restart {
    void restart(Duration down) throws Exception;
  }

  private static volatile Restart installed;

  private BrokerControl() {
  }

  public static void install(Restart restart) {
    installed = restart;
  }

  public static Optional<Restart> installed() {
    return Optional.ofNullable(installed);
  }
}
