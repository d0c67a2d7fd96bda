package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a resource against the CRD's {@code openAPIV3Schema} with a real JSON-schema validator.
 * Strict: a field the schema does not know is an error (the API server would prune it silently,
 * and a user who misspelt a field must hear about it).
 */
final class StructuralValidator {

  private final JsonSchema schema;

  StructuralValidator(JsonNode openApiV3Schema) {
    this.schema = StrictCrdSchema.compile(openApiV3Schema);
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
}
