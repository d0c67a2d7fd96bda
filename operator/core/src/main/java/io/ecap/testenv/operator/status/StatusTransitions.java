package io.ecap.testenv.operator.status;

import io.ecap.testenv.operator.api.IntegrationTestRunStatus;
import io.ecap.testenv.operator.api.status.Phase;
import java.time.Duration;
import java.time.Instant;

/** Phase changes of a run, each setting the fields that go with it; the only place a phase is written. */
public final class StatusTransitions {

  private StatusTransitions() {
  }

  public static void queued(IntegrationTestRunStatus status, String message) {
    status.setPhase(Phase.Pending);
    status.setReason(Reasons.QUEUED);
    status.setMessage(message);
  }

  public static void started(IntegrationTestRunStatus status, String namespace, Instant now) {
    status.setPhase(Phase.Provisioning);
    status.setReason(Reasons.PROVISIONING);
    status.setMessage("creating the environment in namespace " + namespace);
    status.setNamespace(namespace);
    status.setStartedAt(now.toString());
  }

  public static void progressing(IntegrationTestRunStatus status, Phase phase, String reason, String message) {
    status.setPhase(phase);
    status.setReason(reason);
    status.setMessage(message);
  }

  public static void finished(IntegrationTestRunStatus status, Phase phase, String reason, String message, Instant now) {
    status.setPhase(phase);
    status.setReason(reason);
    status.setMessage(message);
    status.setFinishedAt(now.toString());
    if (status.getStartedAt() != null) {
      status.setDuration(format(Duration.between(Instant.parse(status.getStartedAt()), now)));
    }
  }

  /** Go-style, as kubectl shows durations: {@code 1h2m3s}, {@code 12m30s}, {@code 4s}. */
  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      text.append(minutes).append('m');
    }
    return text.append(rest).append('s').toString();
  }
}
