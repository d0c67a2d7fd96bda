package io.ecap.testenv.operator.reconciler;

import io.ecap.testenv.operator.api.spec.KeepOnFailureSpec;
import io.ecap.testenv.operator.api.spec.TeardownPolicy;
import io.ecap.testenv.operator.api.spec.TeardownSpec;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.api.validation.GoDuration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a finished run's environment goes: at once (Always, or OnSuccess after a success), after the
 * keep-on-failure expiry for a failed run that asked to be kept, never for Never or a failed OnSuccess run.
 */
public final class TeardownSchedule {

  private TeardownSchedule() {
  }

  public static Optional<Instant> teardownAt(TeardownSpec teardown, Phase phase, Instant finishedAt) {
    TeardownPolicy policy = teardown == null || teardown.getPolicy() == null ? TeardownPolicy.Always : teardown.getPolicy();
    if (policy == TeardownPolicy.Never) {
      return Optional.empty();
    }
    boolean failed = phase == Phase.Failed;
    KeepOnFailureSpec keep = teardown == null ? null : teardown.getKeepOnFailure();
    if (failed && keep != null && Boolean.TRUE.equals(keep.getEnabled())) {
      return Optional.of(finishedAt.plus(GoDuration.parse(keep.getExpiry())));
    }
    if (failed && policy == TeardownPolicy.OnSuccess) {
      return Optional.empty();
    }
    return Optional.of(finishedAt);
  }

  /** When the IntegrationTestRun itself is deleted: ttlSecondsAfterFinished after it finished, once torn down. */
  public static Optional<Instant> deleteRunAt(TeardownSpec teardown, Instant finishedAt) {
    if (teardown == null || teardown.getTtlSecondsAfterFinished() == null) {
      return Optional.empty();
    }
    return Optional.of(finishedAt.plusSeconds(teardown.getTtlSecondsAfterFinished()));
  }
}
