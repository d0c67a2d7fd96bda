package io.ecap.testrunner.suites;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables a suite class whose {@link RequiresEndpoints} are not all configured, saying which are missing. */
public final class EndpointCondition implements ExecutionCondition {

  private final Endpoints endpoints;

  public EndpointCondition() {
    this(Endpoints.fromEnvironment());
  }

  EndpointCondition(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<Endpoint> required = context.getElement()
        .flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresEndpoints.class))
        .map(r -> Arrays.asList(r.value())).orElse(List.of());
    List<Endpoint> missing = required.stream().filter(e -> endpoints.get(e).isEmpty()).toList();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("endpoints configured");
    }
    return ConditionEvaluationResult.disabled("not configured: " + missing.stream()
        .map(e -> e.variable() + " (" + e.description() + ")").collect(Collectors.joining(", ")));
  }
}
