package io.ecap.testenv.operator.api.status;

/** Outcome of a run so far. Teardown is reported by the TornDown condition, not by a phase. */
public enum Phase {
  Pending, Provisioning, Testing, Succeeded, Failed;

  public boolean isFinal() {
    return this == Succeeded || this == Failed;
  }
}
