package io.ecap.platform.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.ecap.platform.core.generator.Dataset;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.DatasetEvents;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every event the platform emits validates against its published schema, and the schemas reject broken events. */
class EventSchemaTest {

  private static Dataset data;

  @BeforeAll
  static void generate() {
    data = new ECommerceDataGenerator(5, DatasetProfile.of(50, 30, 200)).generate();
  }

  private static JsonSchema schema(String type) throws Exception {
    try (InputStream in = EventSchemaTest.class.getResourceAsStream(EventTypes.schemaOf(type))) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    }
  }

  private static JsonNode json(Object event) {
    return EventJson.mapper().valueToTree(event);
  }

  @Test
  void generatedEventsMatchTheirSchemas() throws Exception {
    JsonSchema order = schema(EventTypes.ORDER_PLACED);
    JsonSchema payment = schema(EventTypes.PAYMENT_AUTHORIZED);
    JsonSchema click = schema(EventTypes.CLICKSTREAM);
    data.orders().forEach(g -> {
      assertThat(order.validate(json(DatasetEvents.orderPlaced(g)))).isEmpty();
      assertThat(payment.validate(json(DatasetEvents.payment(g)))).isEmpty();
    });
    data.clicks().forEach(c -> assertThat(click.validate(json(DatasetEvents.click(c)))).isEmpty());
  }

  @Test
  void schemasRejectMissingFieldsWrongTypesAndExtras() throws Exception {
    JsonSchema order = schema(EventTypes.ORDER_PLACED);
    ObjectNode good = (ObjectNode) json(DatasetEvents.orderPlaced(data.orders().get(0)));
    ObjectNode missing = good.deepCopy();
    missing.remove("eventId");
    assertThat(order.validate(missing)).isNotEmpty();
    ObjectNode wrongType = good.deepCopy();
    ((ObjectNode) wrongType.get("data")).put("totalCents", "12");
    assertThat(order.validate(wrongType)).isNotEmpty();
    ObjectNode extra = good.deepCopy();
    extra.put("surprise", true);
    assertThat(order.validate(extra)).isNotEmpty();
    ObjectNode badTrace = good.deepCopy();
    badTrace.put("traceId", "not-a-trace");
    assertThat(order.validate(badTrace)).isNotEmpty();
  }

  @Test
  void envelopeRoundTripsThroughJson() throws Exception {
    var envelope = DatasetEvents.orderPlaced(data.orders().get(0));
    String text = EventJson.write(envelope);
    assertThat(text).contains("\"eventType\":\"order.placed\"").contains("\"occurredAt\":\"20");
    var back = EventJson.mapper().readValue(text,
        new com.fasterxml.jackson.core.type.TypeReference<EventEnvelope<OrderPlaced>>() { });
    assertThat(back).isEqualTo(envelope);
    assertThat(DatasetEvents.orderPlaced(data.orders().get(0)).eventId()).isEqualTo(envelope.eventId());
    assertThat(envelope.eventId()).isNotEqualTo(UUID.nameUUIDFromBytes(new byte[0]));
  }
}
