package io.ecap.platform.streaming.consumer;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Bytes to a typed, schema-valid {@link EventEnvelope}; anything else is a {@link PoisonRecord}. */
public final class EventDecoder {

  private final EventCatalog catalog;
  private final ObjectMapper mapper = EventJson.mapper();

  public EventDecoder(EventCatalog catalog) {
    this.catalog = catalog;
  }

  public ConsumedEvent decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecord {
    if (record.value() == null) {
      throw new PoisonRecord(DeadLetterReason.UNDESERIALIZABLE, "record has no value", null);
    }
    JsonNode node;
    try {
      node = mapper.readTree(record.value());
    } catch (IOException e) {
      throw new PoisonRecord(DeadLetterReason.UNDESERIALIZABLE, "not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new PoisonRecord(DeadLetterReason.UNDESERIALIZABLE, "not a JSON object", null);
    }
    String type = node.path("eventType").isTextual() ? node.get("eventType").asText() : null;
    EventCatalog.Entry entry = catalog.find(type).orElseThrow(() ->
        new PoisonRecord(DeadLetterReason.SCHEMA_INVALID, "unknown event type " + type + " on " + record.topic(), null));
    Set<ValidationMessage> errors = entry.schema().validate(node);
    if (!errors.isEmpty()) {
      String summary = errors.stream().limit(5).map(ValidationMessage::getMessage).collect(Collectors.joining("; "));
      throw new PoisonRecord(DeadLetterReason.SCHEMA_INVALID, type + " violates its schema: " + summary, null);
    }
    JavaType envelopeType = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, entry.payload());
    try {
      EventEnvelope<?> envelope = mapper.treeToValue(node, envelopeType);
      return new ConsumedEvent(envelope, record);
    } catch (IOException | IllegalArgumentException e) {
      throw new PoisonRecord(DeadLetterReason.SCHEMA_INVALID, type + " does not map to its payload: " + e.getMessage(), e);
    }
  }
}
