package io.ecap.testrunner.launch;

import io.ecap.testrunner.results.FailureInfo;

/** One execution of one test (or the failure of a whole class, reported as a test of its own). */
record Attempt(String uniqueId, String topClass, String className, String name, Status status, double seconds,
    FailureInfo failure, String skipReason) {

  enum Status { PASSED, FAILED, SKIPPED }

  String shortName() {
    return className.substring(className.lastIndexOf('.') + 1) + "." + name;
  }
}
