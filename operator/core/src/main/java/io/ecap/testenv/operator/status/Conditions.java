package io.ecap.testenv.operator.status;

import io.ecap.testenv.operator.api.IntegrationTestRunStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The run's conditions, following API conventions: lastTransitionTime moves only when the status flips. */
public final class Conditions {

  public static final String ENVIRONMENT_READY = "EnvironmentReady";
  public static final String TESTS_COMPLETED = "TestsCompleted";
  public static final String QUALITY_GATES_PASSED = "QualityGatesPassed";
  public static final String TORN_DOWN = "TornDown";

  private Conditions() {
  }

  public static void set(IntegrationTestRunStatus status, String type, boolean value, String reason, String message,
      Long generation, Instant now) {
    List<Condition> conditions = status.getConditions() == null ? new ArrayList<>() : new ArrayList<>(status.getConditions());
    String text = value ? "True" : "False";
    Optional<Condition> existing = conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    String transition = existing.filter(c -> text.equals(c.getStatus())).map(Condition::getLastTransitionTime)
        .orElse(now.toString());
    conditions.removeIf(c -> type.equals(c.getType()));
    conditions.add(new ConditionBuilder()
        .withType(type).withStatus(text).withReason(reason).withMessage(message == null ? "" : message)
        .withObservedGeneration(generation).withLastTransitionTime(transition)
        .build());
    conditions.sort((a, b) -> Integer.compare(order(a.getType()), order(b.getType())));
    status.setConditions(conditions);
  }

  public static Optional<Condition> get(IntegrationTestRunStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(IntegrationTestRunStatus status, String type) {
    return get(status, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private static int order(String type) {
    return List.of(ENVIRONMENT_READY, TESTS_COMPLETED, QUALITY_GATES_PASSED, TORN_DOWN).indexOf(type);
  }
}
