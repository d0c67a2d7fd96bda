package io.ecap.testenv.operator.api.validation;

import java.nio.file.Path;
import java.util.List;

/** A run file that failed validation; the message lists every error with its field. */
public class InvalidRunException extends RuntimeException {

  private final transient List<String> problems;

  public InvalidRunException(Path file, List<String> problems) {
    super(file + " is not a valid IntegrationTestRun:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
