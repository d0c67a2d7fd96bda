package io.ecap.testenv.operator.model;

import io.ecap.testenv.operator.api.validation.ValidationError;
import java.util.List;

/** The run's spec fails a check the API server did not make; each error names its field. */
public class InvalidSpecException extends RuntimeException {

  private final transient List<ValidationError> errors;

  public InvalidSpecException(List<ValidationError> errors) {
    super(String.join("; ", errors.stream().map(ValidationError::toString).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<ValidationError> errors() {
    return errors;
  }

  /** The first field at fault, for the condition's reason text. */
  public String firstField() {
    return errors.isEmpty() ? "" : errors.get(0).field();
  }
}
