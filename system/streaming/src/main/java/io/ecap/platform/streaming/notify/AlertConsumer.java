package io.ecap.platform.streaming.notify;

import io.ecap.platform.streaming.consumer.BaseStreamingConsumer;
import io.ecap.platform.streaming.consumer.ConsumedEvent;
import io.ecap.platform.streaming.consumer.ConsumerSettings;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.consumer.EventDecoder;
import io.ecap.platform.streaming.fraud.FraudEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fraud alerts to every configured recipient. Per recipient: skip what was delivered already (same idempotency key:
 * a repeated alert, or the same order re-scored), respect the per-recipient rate limit, deliver with retries; what
 * cannot be delivered goes to the dead-letter store, never lost. The delivery record commits with the claim of the
 * alert's event id.
 */
public final class AlertConsumer extends BaseStreamingConsumer {

  /** A sink with the recipients it serves. */
  public record Route(NotificationSink sink, List<String> recipients) {
  }

  private final List<Route> routes;
  private final RecipientRateLimiter rateLimiter;
  private final RetryingDelivery delivery;
  private final DeliveryLog log;
  private final MeterRegistry registry;

  public AlertConsumer(ConsumerSettings settings, DataSource dataSource, EventDecoder decoder,
                       DeadLetterPublisher deadLetters, MeterRegistry registry, List<Route> routes,
                       RecipientRateLimiter rateLimiter, RetryingDelivery delivery, DeliveryLog log) {
    super(settings, dataSource, decoder, deadLetters, registry);
    this.routes = List.copyOf(routes);
    this.rateLimiter = rateLimiter;
    this.delivery = delivery;
    this.log = log;
    this.registry = registry;
  }

  @Override
  protected void process(ConsumedEvent event, Connection tx) throws Exception {
    FraudEvents.Alert alert = event.data(FraudEvents.Alert.class);
    for (Route route : routes) {
      for (String recipient : route.recipients()) {
        Notification n = Notification.of(route.sink().channel(), recipient, alert);
        if (log.delivered(tx, n.idempotencyKey())) {
          count(n, "duplicate");
          continue;
        }
        if (!rateLimiter.tryAcquire(recipient)) {
          log.deadLetter(tx, n, DeliveryLog.DeadLetterReason.RATE_LIMITED, "rate limit of recipient reached", 0);
          count(n, "rate_limited");
          continue;
        }
        RetryingDelivery.Outcome outcome = delivery.deliver(route.sink(), n);
        if (outcome.delivered()) {
          log.recordDelivered(tx, n, outcome.attempts());
          count(n, "delivered");
        } else {
          log.deadLetter(tx, n, DeliveryLog.DeadLetterReason.DELIVERY_FAILED, outcome.lastError(), outcome.attempts());
          count(n, "failed");
        }
      }
    }
  }

  private void count(Notification n, String outcome) {
    Counter.builder("ecap_notifications").description("Notifications by channel and outcome")
        .tag("channel", n.channel().key()).tag("outcome", outcome).register(registry).increment();
  }
}
