package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check a resource must pass, in the order the API server applies them: defaults from the
 * schema, the schema itself (strictly), the CEL rules, then what the schema cannot express.
 * The same checks back `make validate`, `make run` and the operator.
 */
public final class RunValidator {

  private final JsonNode schema;
  private final StructuralValidator structural;
  private final CelRuleEvaluator cel = new CelRuleEvaluator();
  private final SemanticValidator semantic = new SemanticValidator();

  private RunValidator(JsonNode schema) {
    this.schema = schema;
    this.structural = new StructuralValidator(schema);
  }

  /** A validator for the CRD generated from the Java classes. */
  public static RunValidator forGeneratedCrd() {
    return new RunValidator(CrdSchema.load().openApiV3Schema());
  }

  /** Validates a resource as the API server would on create. */
  public Result validate(JsonNode resource) {
    return validate(resource, null);
  }

  /** Validates an update of {@code oldResource} to {@code resource}: transition rules (immutability) apply too. */
  public Result validateUpdate(JsonNode oldResource, JsonNode resource) {
    return validate(resource, SchemaDefaulter.withDefaults(oldResource, schema));
  }

  /** Compiles every CEL rule of the schema; an entry for each rule that could not be checked here. */
  public List<ValidationError> uncheckableRules() {
    return cel.compileAll(schema, "");
  }

  private Result validate(JsonNode resource, JsonNode defaultedOld) {
    JsonNode defaulted = SchemaDefaulter.withDefaults(resource, schema);
    List<ValidationError> errors = new ArrayList<>(structural.validate(defaulted));
    // CEL rules and semantic checks assume well-typed input, as on the API server.
    if (errors.isEmpty()) {
      errors.addAll(cel.validate(defaulted, defaultedOld, schema));
      errors.addAll(semantic.validate(defaulted));
    } else {
      errors.addAll(0, SemanticValidator.identity(defaulted));
    }
    return new Result(defaulted, List.copyOf(errors));
  }

  /** The defaulted resource and every error found; valid when there are none. */
  public record Result(JsonNode defaulted, List<ValidationError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }
}
