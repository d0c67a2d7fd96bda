package io.ecap.platform.core.events;

import io.ecap.platform.core.Topics;
import java.util.Map;

/** Event type names, the topic each is published to, and its schema resource. */
public final class EventTypes {

  public static final String ORDER_PLACED = "order.placed";
  public static final String PAYMENT_AUTHORIZED = "payment.authorized";
  public static final String PAYMENT_DECLINED = "payment.declined";
  public static final String CLICKSTREAM = "clickstream.event";

  public static final int SCHEMA_VERSION = 1;

  private static final Map<String, String> TOPICS = Map.of(
      ORDER_PLACED, Topics.ORDERS,
      PAYMENT_AUTHORIZED, Topics.PAYMENTS,
      PAYMENT_DECLINED, Topics.PAYMENTS,
      CLICKSTREAM, Topics.CLICKSTREAM);

  private static final Map<String, String> SCHEMAS = Map.of(
      ORDER_PLACED, "/schemas/order-placed.v1.schema.json",
      PAYMENT_AUTHORIZED, "/schemas/payment.v1.schema.json",
      PAYMENT_DECLINED, "/schemas/payment.v1.schema.json",
      CLICKSTREAM, "/schemas/clickstream.v1.schema.json");

  private EventTypes() {
  }

  public static String topicOf(String eventType) {
    String topic = TOPICS.get(eventType);
    if (topic == null) {
      throw new IllegalArgumentException("unknown event type " + eventType);
    }
    return topic;
  }

  /** Classpath resource of the JSON Schema that validates a whole envelope of this type. */
  public static String schemaOf(String eventType) {
    String schema = SCHEMAS.get(eventType);
    if (schema == null) {
      throw new IllegalArgumentException("unknown event type " + eventType);
    }
    return schema;
  }
}
