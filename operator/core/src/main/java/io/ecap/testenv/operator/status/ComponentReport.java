package io.ecap.testenv.operator.status;

import io.ecap.testenv.operator.api.status.ComponentState;

/** What one component looks like now: its state and, unless ready, why. */
public record ComponentReport(String name, ComponentState state, String message) {

  public boolean ready() {
    return state == ComponentState.Ready;
  }

  public boolean failed() {
    return state == ComponentState.Failed;
  }

  /** {@code postgres: 0/1 replicas ready (pod postgres-0: Pending ...)}. */
  public String describe() {
    return name + ": " + (message == null || message.isBlank() ? state.name() : message);
  }
}
