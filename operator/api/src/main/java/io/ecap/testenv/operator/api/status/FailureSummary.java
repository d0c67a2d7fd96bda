package io.ecap.testenv.operator.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One failed test, kept short enough for a termination message and the status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailureSummary {

  @JsonPropertyDescription("Suite of the test.")
  private String suite;
  @JsonPropertyDescription("Test class and method.")
  private String test;
  @JsonPropertyDescription("Failure message, truncated.")
  private String message;
  @JsonPropertyDescription("The first lines of the stack trace.")
  private String stackTrace;

  public String getSuite() { return suite; }
  public void setSuite(String suite) { this.suite = suite; }
  public String getTest() { return test; }
  public void setTest(String test) { this.test = test; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public String getStackTrace() { return stackTrace; }
  public void setStackTrace(String stackTrace) { this.stackTrace = stackTrace; }
}
