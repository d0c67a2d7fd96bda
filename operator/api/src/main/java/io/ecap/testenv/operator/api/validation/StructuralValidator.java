package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a resource against the CRD's {@code openAPIV3Schema} with a real JSON-schema validator.
 * Strict: a field the schema does not know is an error (the API server would prune it silently,
 * and a user who misspelt a field must hear about it).
 */
final class StructuralValidator {

  private static final List<String> KUBERNETES_KEYWORDS = List.of(
      "x-kubernetes-validations", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
      "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
      "x-kubernetes-map-type");

  private final JsonSchema schema;

  StructuralValidator(JsonNode openApiV3Schema) {
    ObjectNode strict = openApiV3Schema.deepCopy();
    forbidUnknownFields(strict);
    // Every object carries these; the CRD schema leaves them to the API server.
    ObjectNode top = (ObjectNode) strict.get("properties");
    top.putObject("apiVersion").put("type", "string");
    top.putObject("kind").put("type", "string");
    top.putObject("metadata").put("type", "object");

    JsonMetaSchema.Builder meta = JsonMetaSchema.builder(OpenApi30.getInstance());
    KUBERNETES_KEYWORDS.forEach(keyword -> meta.keyword(new NonValidationKeyword(keyword)));
    JsonMetaSchema metaSchema = meta.build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(metaSchema.getIri()));
    this.schema = factory.getSchema(strict);
  }

  List<ValidationError> validate(JsonNode resource) {
    List<ValidationError> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(resource)) {
      errors.add(toError(message));
    }
    errors.sort(Comparator.comparing(ValidationError::field).thenComparing(ValidationError::message));
    return errors;
  }

  private static ValidationError toError(ValidationMessage message) {
    String location = FieldPath.fromJsonPath(message.getInstanceLocation().toString());
    String text = message.getError() != null ? message.getError() : message.getMessage();
    return switch (message.getType()) {
      case "required" -> new ValidationError(FieldPath.child(location, message.getProperty()), "is required");
      case "additionalProperties" -> new ValidationError(FieldPath.child(location, message.getProperty()),
          "unknown field (check its spelling and indentation)");
      case "enum" -> new ValidationError(location, "must be one of " + message.getSchemaNode().get("enum")
          + ", not " + message.getInstanceNode());
      default -> new ValidationError(location, text);
    };
  }

  private static void forbidUnknownFields(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    if (object.has("properties") && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    if (object.has("properties")) {
      Iterator<Map.Entry<String, JsonNode>> properties = object.get("properties").fields();
      while (properties.hasNext()) {
        forbidUnknownFields(properties.next().getValue());
      }
    }
    if (object.has("items")) {
      forbidUnknownFields(object.get("items"));
    }
    if (object.get("additionalProperties") instanceof ObjectNode valueSchema) {
      forbidUnknownFields(valueSchema);
    }
  }
}
