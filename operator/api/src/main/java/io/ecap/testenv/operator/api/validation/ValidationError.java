package io.ecap.testenv.operator.api.validation;

/**
 * One problem with a resource: the field it concerns, as a dotted path with list indexes
 * ({@code spec.platform.services[1].port}), and what is wrong with it.
 */
public record ValidationError(String field, String message) {

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
