package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.domain.FraudDecision;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import io.ecap.platform.streaming.consumer.BaseStreamingConsumer;
import io.ecap.platform.streaming.consumer.ConsumedEvent;
import io.ecap.platform.streaming.consumer.ConsumerSettings;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.consumer.EventDecoder;
import io.ecap.platform.streaming.consumer.TransientFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Scores each order once both it and its payment have arrived (either order): online features from Redis and the
 * customer's profile, the current model, a decision in PostgreSQL and on {@code fraud-decisions}, and an alert on
 * {@code fraud-alerts} when the score reaches the alert threshold. Sends are acknowledged before the transaction
 * commits; a replay re-sends the same event ids.
 */
public final class FraudScoringConsumer extends BaseStreamingConsumer {

  private final OnlineFeatureStore features;
  private final CustomerProfiles customers;
  private final FraudModel model;
  private final DecisionStore decisions = new DecisionStore();
  private final Producer<byte[], byte[]> producer;
  private final Clock clock;
  private final Timer scoring;
  private final Timer deciding;
  private final MeterRegistry registry;
  private final List<Future<RecordMetadata>> sends = new ArrayList<>();

  public FraudScoringConsumer(ConsumerSettings settings, DataSource dataSource, EventDecoder decoder,
                              DeadLetterPublisher deadLetters, MeterRegistry registry, OnlineFeatureStore features,
                              CustomerProfiles customers, FraudModel model, Producer<byte[], byte[]> producer,
                              Clock clock) {
    super(settings, dataSource, decoder, deadLetters, registry);
    this.features = features;
    this.customers = customers;
    this.model = model;
    this.producer = producer;
    this.clock = clock;
    this.registry = registry;
    this.scoring = Timer.builder("ecap_fraud_scoring").description("Model scoring time of one order")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100))
        .maximumExpectedValue(Duration.ofMillis(100)).register(registry);
    this.deciding = Timer.builder("ecap_fraud_decision").description(
        "Features, scoring and decision of one order (without the commit)").publishPercentileHistogram()
        .register(registry);
  }

  @Override
  protected void process(ConsumedEvent event, Connection tx) throws Exception {
    Object data = event.envelope().data();
    var joined = data instanceof OrderPlaced order ? features.recordOrder(order)
        : features.recordPayment((PaymentEvent) data);
    if (joined.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    OrderPlaced order = joined.get().order();
    CustomerProfiles.Profile profile = customers.find(tx, order.customerId()).orElseThrow(() ->
        new TransientFailure("order " + order.orderId() + " of customer " + order.customerId()
            + " not (yet) in PostgreSQL"));
    double[] vector = features.observe(OnlineFeatureStore.observation(joined.get(), profile));
    FraudModel current = model;
    long scoreStart = System.nanoTime();
    FraudScore score = current.score(vector);
    scoring.record(System.nanoTime() - scoreStart, TimeUnit.NANOSECONDS);
    FraudDecision decision = new FraudDecision(order.orderId(), verdict(score.score(), current), score.score(),
        current.version(), score.reasons(), clock.instant());
    decisions.save(tx, decision);
    String correlation = event.envelope().correlationId();
    String trace = event.envelope().traceId();
    send(Topics.FRAUD_DECISIONS, order.orderId().toString(),
        FraudEvents.decision(decision, order.customerId(), vector, correlation, trace));
    if (score.score() >= current.reviewThreshold()) {
      send(Topics.FRAUD_ALERTS, order.orderId().toString(),
          FraudEvents.alert(decision, order.customerId(), order.totalCents(), order.currency(), correlation, trace));
    }
    deciding.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    Counter.builder("ecap_fraud_decisions").description("Decisions made, by verdict")
        .tag("decision", decision.decision().name()).register(registry).increment();
  }

  private static FraudDecision.Verdict verdict(double score, FraudModel model) {
    if (score >= model.declineThreshold()) {
      return FraudDecision.Verdict.DECLINE;
    }
    return score >= model.reviewThreshold() ? FraudDecision.Verdict.REVIEW : FraudDecision.Verdict.APPROVE;
  }

  private void send(String topic, String key, EventEnvelope<?> envelope) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
        EventJson.writeBytes(envelope));
    record.headers().add("event_type", envelope.eventType().getBytes(StandardCharsets.UTF_8));
    record.headers().add("schema_version", "1".getBytes(StandardCharsets.UTF_8));
    // Continue the trace of the record being processed (the current context is its CONSUMER span).
    W3CTraceContextPropagator.getInstance().inject(Context.current(), record.headers(),
        (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    sends.add(producer.send(record));
  }

  @Override
  protected void beforeCommit(Connection tx) throws Exception {
    try {
      for (Future<RecordMetadata> f : sends) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      sends.clear();
    }
  }

  @Override
  protected void afterRollback() {
    sends.clear();
  }
}
