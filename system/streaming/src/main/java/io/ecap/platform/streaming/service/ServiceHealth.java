package io.ecap.platform.streaming.service;

import io.ecap.platform.streaming.consumer.BaseStreamingConsumer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's health for the launcher's {@code /health/ready}: UP when everything works, DEGRADED when it keeps
 * running without losing data but something is impaired (e.g. Redis down: aggregates wait in memory), DOWN when it
 * cannot do its job (consumer thread dead, PostgreSQL unreachable).
 */
public record ServiceHealth(String service, Status status, Map<String, String> details) {

  /** Overall state. */
  public enum Status {
    UP, DEGRADED, DOWN
  }

  public ServiceHealth {
    details = Map.copyOf(details);
  }

  /** Builds a health from dependency checks: the worst one wins. */
  public static final class Builder {
    private final String service;
    private final Map<String, String> details = new LinkedHashMap<>();
    private Status status = Status.UP;

    public Builder(String service) {
      this.service = service;
    }

    public Builder check(String name, Status state, String detail) {
      details.put(name, state + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
      if (state.ordinal() > status.ordinal()) {
        status = state;
      }
      return this;
    }

    /**
     * The service's consumer: DOWN with its failure when it stopped (or never started), else UP with its lag and
     * {@code extra} (e.g. the model in use), if any.
     */
    public Builder consumer(BaseStreamingConsumer consumer, String extra) {
      if (consumer == null || !consumer.isRunning()) {
        return check("consumer", Status.DOWN, consumer != null && consumer.failure() != null
            ? consumer.failure().toString() : "not running");
      }
      return check("consumer", Status.UP, "lag " + consumer.lag() + (extra == null ? "" : ", " + extra));
    }

    public ServiceHealth build() {
      return new ServiceHealth(service, status, details);
    }
  }
}
