package io.ecap.platform.streaming.consumer;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventTypes;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The event types a consumer understands: payload class and the JSON Schema that validates the whole envelope. */
public final class EventCatalog {

  /** One known event type. */
  public record Entry(String eventType, Class<?> payload, JsonSchema schema) {
  }

  private final Map<String, Entry> entries = new HashMap<>();

  /** The platform's input events (orders, payments, clickstream) with the schemas published by system/core. */
  public static EventCatalog platformEvents() {
    return new EventCatalog()
        .with(EventTypes.ORDER_PLACED, OrderPlaced.class, EventTypes.schemaOf(EventTypes.ORDER_PLACED))
        .with(EventTypes.PAYMENT_AUTHORIZED, PaymentEvent.class, EventTypes.schemaOf(EventTypes.PAYMENT_AUTHORIZED))
        .with(EventTypes.PAYMENT_DECLINED, PaymentEvent.class, EventTypes.schemaOf(EventTypes.PAYMENT_DECLINED))
        .with(EventTypes.CLICKSTREAM, ClickstreamEvent.class, EventTypes.schemaOf(EventTypes.CLICKSTREAM));
  }

  /** Adds a type whose schema is the classpath resource {@code schemaResource}. */
  public EventCatalog with(String eventType, Class<?> payload, String schemaResource) {
    entries.put(eventType, new Entry(eventType, payload, load(schemaResource)));
    return this;
  }

  public Optional<Entry> find(String eventType) {
    return Optional.ofNullable(eventType == null ? null : entries.get(eventType));
  }

  private static JsonSchema load(String resource) {
    try (InputStream in = EventCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema resource " + resource);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
