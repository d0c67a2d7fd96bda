package io.ecap.platform.streaming.pipeline;

import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import java.util.ArrayList;
import java.util.List;

/** What one event adds to the aggregates of every window it falls in. */
public record MetricDelta(Metric metric, String dimension, long amount) {

  public static final String ALL = "all";

  public static List<MetricDelta> of(EventEnvelope<?> event) {
    List<MetricDelta> deltas = new ArrayList<>();
    Object data = event.data();
    if (data instanceof OrderPlaced order) {
      deltas.add(new MetricDelta(Metric.ORDERS, ALL, 1));
      deltas.add(new MetricDelta(Metric.REVENUE_CENTS, order.currency(), order.totalCents()));
      order.items().forEach(line ->
          deltas.add(new MetricDelta(Metric.PRODUCT_UNITS, line.productId().toString(), line.quantity())));
    } else if (data instanceof PaymentEvent payment) {
      deltas.add(new MetricDelta(Metric.PAYMENTS, payment.status(), 1));
    } else if (data instanceof ClickstreamEvent click) {
      deltas.add(new MetricDelta(Metric.FUNNEL, click.action().name(), 1));
    } else {
      throw new IllegalArgumentException("no aggregates for " + event.eventType());
    }
    return deltas;
  }
}
