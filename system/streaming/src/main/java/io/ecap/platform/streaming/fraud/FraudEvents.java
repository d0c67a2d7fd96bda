package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.domain.FraudDecision;
import io.ecap.platform.core.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fraud service publishes. Event ids are derived from the order and the model version, so re-scoring the
 * same order with the same model (a replay after a crash) yields the same ids and consumers ignore the repeat.
 * Schemas: {@code /schemas/fraud-decision.v1.schema.json}, {@code /schemas/fraud-alert.v1.schema.json}.
 */
public final class FraudEvents {

  public static final String DECISION = "fraud.decision";
  public static final String ALERT = "fraud.alert";
  public static final String DECISION_SCHEMA = "/schemas/fraud-decision.v1.schema.json";
  public static final String ALERT_SCHEMA = "/schemas/fraud-alert.v1.schema.json";

  /** Payload of {@code fraud.decision} on {@code fraud-decisions} (key: order id). */
  public record Decision(UUID orderId, UUID customerId, String decision, double score, String modelVersion,
                         List<String> reasons, Map<String, Double> features, Instant decidedAt) {
  }

  /** Payload of {@code fraud.alert} on {@code fraud-alerts} (key: order id). */
  public record Alert(UUID orderId, UUID customerId, String decision, double score, String modelVersion,
                      List<String> reasons, long amountCents, String currency, Instant decidedAt) {
  }

  private FraudEvents() {
  }

  public static EventEnvelope<Decision> decision(FraudDecision d, UUID customerId, double[] features,
                                                 String correlationId, String traceId) {
    Decision data = new Decision(d.orderId(), customerId, d.decision().name(), d.score(), d.modelVersion(),
        d.reasons(), byName(features), d.decidedAt());
    return new EventEnvelope<>(id(DECISION, d), DECISION, 1, d.decidedAt(), correlationId, traceId, data);
  }

  public static EventEnvelope<Alert> alert(FraudDecision d, UUID customerId, long amountCents, String currency,
                                           String correlationId, String traceId) {
    Alert data = new Alert(d.orderId(), customerId, d.decision().name(), d.score(), d.modelVersion(), d.reasons(),
        amountCents, currency, d.decidedAt());
    return new EventEnvelope<>(id(ALERT, d), ALERT, 1, d.decidedAt(), correlationId, traceId, data);
  }

  /** The vector by {@link FraudFeatures#NAMES}, in that order. */
  private static Map<String, Double> byName(double[] features) {
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < features.length; i++) {
      named.put(FraudFeatures.NAMES.get(i), features[i]);
    }
    return named;
  }

  private static UUID id(String type, FraudDecision d) {
    return UUID.nameUUIDFromBytes((type + ':' + d.orderId() + ':' + d.modelVersion()).getBytes(StandardCharsets.UTF_8));
  }
}
