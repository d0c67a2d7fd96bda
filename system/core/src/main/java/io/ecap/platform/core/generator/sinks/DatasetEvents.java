package io.ecap.platform.core.generator.sinks;

import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventTypes;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import io.ecap.platform.core.generator.GeneratedOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Generated data as wire events. Event ids are derived from the entity (name-based UUIDs), so publishing the
 * same dataset twice yields the same ids and idempotent consumers ignore the repeat.
 */
public final class DatasetEvents {

  private DatasetEvents() {
  }

  public static EventEnvelope<OrderPlaced> orderPlaced(GeneratedOrder g) {
    return new EventEnvelope<>(id("order.placed:" + g.order().id()), EventTypes.ORDER_PLACED, EventTypes.SCHEMA_VERSION,
        g.order().createdAt(), null, null, OrderPlaced.of(g.order()));
  }

  public static EventEnvelope<PaymentEvent> payment(GeneratedOrder g) {
    PaymentEvent data = PaymentEvent.of(g.payment(), g.order().customerId());
    return new EventEnvelope<>(id("payment:" + g.payment().id()), data.eventType(), EventTypes.SCHEMA_VERSION,
        g.payment().createdAt(), null, null, data);
  }

  public static EventEnvelope<ClickstreamEvent> click(ClickstreamEvent e) {
    String identity = "click:" + e.sessionId() + ':' + e.action() + ':' + e.occurredAt() + ':' + e.productId() + ':' + e.page();
    return new EventEnvelope<>(id(identity), EventTypes.CLICKSTREAM, EventTypes.SCHEMA_VERSION, e.occurredAt(), null, null, e);
  }

  private static UUID id(String identity) {
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
  }
}
