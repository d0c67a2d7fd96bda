package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies the schema's {@code default}s the way the API server does (structural defaulting):
 * a missing property with a default gets it, then defaulting recurses into objects and list items,
 * including the defaults just added. The user's input node is never changed; a copy is returned.
 */
final class SchemaDefaulter {

  private SchemaDefaulter() {
  }

  static JsonNode withDefaults(JsonNode resource, JsonNode schema) {
    JsonNode copy = resource.deepCopy();
    apply(copy, schema);
    return copy;
  }

  private static void apply(JsonNode node, JsonNode schema) {
    if (node instanceof ObjectNode object && schema.has("properties")) {
      Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        JsonNode propertySchema = property.getValue();
        if (!object.has(property.getKey()) && propertySchema.has("default")) {
          object.set(property.getKey(), propertySchema.get("default").deepCopy());
        }
        if (object.has(property.getKey())) {
          apply(object.get(property.getKey()), propertySchema);
        }
      }
    } else if (node instanceof ArrayNode array && schema.has("items")) {
      for (JsonNode item : array) {
        apply(item, schema.get("items"));
      }
    }
  }
}
