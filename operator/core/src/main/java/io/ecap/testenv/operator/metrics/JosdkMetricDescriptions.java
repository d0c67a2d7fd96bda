package io.ecap.testenv.operator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JOSDK registers its meters without descriptions, so they come out without HELP text (which
 * {@code promtool check metrics} flags). This filter gives each one its meaning.
 */
final class JosdkMetricDescriptions implements MeterFilter {

  private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

  static {
    BY_PREFIX.put("operator.sdk.reconciliations.started", "Reconciliations started by JOSDK");
    BY_PREFIX.put("operator.sdk.reconciliations.success", "Reconciliations that succeeded");
    BY_PREFIX.put("operator.sdk.reconciliations.failed", "Reconciliations that failed (retried with back-off)");
    BY_PREFIX.put("operator.sdk.reconciliations.retries", "Retries of failed reconciliations");
    BY_PREFIX.put("operator.sdk.reconciliations.executions", "Reconciliations executing right now");
    BY_PREFIX.put("operator.sdk.reconciliations.queue.size", "Resources waiting for a reconciliation");
    BY_PREFIX.put("operator.sdk.controllers.execution", "Duration and outcome of the controller's reconcile and cleanup");
    BY_PREFIX.put("operator.sdk.events", "Events received by the controller's event sources");
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    if (id.getDescription() != null && !id.getDescription().isBlank()) {
      return id;
    }
    for (Map.Entry<String, String> entry : BY_PREFIX.entrySet()) {
      if (id.getName().startsWith(entry.getKey())) {
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), entry.getValue(), id.getType());
      }
    }
    return id;
  }
}
