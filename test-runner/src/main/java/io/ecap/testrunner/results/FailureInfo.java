package io.ecap.testrunner.results;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failed attempt, kept as data (the throwable itself may hold on to a whole test instance).
 *
 * @param assertion true for an {@link AssertionError}: Surefire reports those as failures, other
 *     throwables as errors
 */
public record FailureInfo(String type, String message, String stackTrace, boolean assertion) {

  public static FailureInfo of(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    return new FailureInfo(throwable.getClass().getName(), throwable.getMessage(), trace.toString(),
        throwable instanceof AssertionError);
  }

  /** The first {@code lines} lines of the stack trace. */
  public String stackTraceStart(int lines) {
    return stackTrace == null ? null : String.join("\n", stackTrace.lines().limit(lines).toList());
  }
}
