package io.ecap.testrunner.results;

import java.util.List;

/**
 * One test of a shard after its retries.
 *
 * @param className the test's own class (a nested class included), as JUnit XML's {@code classname}
 * @param name the method, with the invocation's display name for parameterized and dynamic tests
 * @param failures one per failed attempt, in order: for FLAKY the attempts before the pass, for
 *     FAILED every attempt (the first is the failure, the others are reruns)
 * @param skipReason why a SKIPPED test did not run
 */
public record TestCase(String suite, String className, String name, Outcome outcome, double durationSeconds,
    List<FailureInfo> failures, String skipReason) {

  public TestCase {
    failures = List.copyOf(failures);
  }

  /** {@code SimpleClass.method}: how summaries and the report name a test. */
  public String shortName() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple + "." + name;
  }
}
