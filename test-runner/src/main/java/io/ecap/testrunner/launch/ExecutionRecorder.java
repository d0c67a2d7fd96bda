package io.ecap.testrunner.launch;

import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testrunner.results.FailureInfo;
import io.ecap.testrunner.results.PerformanceFigure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records one execution of the launcher: every test's attempt, class wall times, the performance
 * figures suites publish, and which test is running right now (for the timeout report). Once
 * frozen (after a timeout) it ignores whatever the abandoned execution still reports.
 */
final class ExecutionRecorder implements TestExecutionListener {

  private final Consumer<Attempt> sink;
  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
  private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
  private final Map<String, Double> classSeconds = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<TestIdentifier> running = new ConcurrentLinkedDeque<>();
  private final PerformanceFigures performance = new PerformanceFigures();
  private final ConcurrentLinkedDeque<String> errors = new ConcurrentLinkedDeque<>();
  private volatile TestPlan plan;
  private volatile TestNames names;
  private volatile boolean frozen;

  ExecutionRecorder(Consumer<Attempt> sink) {
    this.sink = sink;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
    this.names = new TestNames(testPlan);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (frozen) {
      return;
    }
    startNanos.put(id.getUniqueId(), System.nanoTime());
    running.push(id);
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (frozen) {
      return;
    }
    if (id.isTest()) {
      record(id, Attempt.Status.SKIPPED, 0, null, reason);
    } else {
      skipDescendants(id, reason);
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (frozen) {
      return;
    }
    running.remove(id);
    Long start = startNanos.get(id.getUniqueId());
    double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
    Throwable thrown = result.getThrowable().orElse(null);
    if (id.isTest()) {
      switch (result.getStatus()) {
        case SUCCESSFUL -> record(id, Attempt.Status.PASSED, seconds, null, null);
        case ABORTED -> record(id, Attempt.Status.SKIPPED, seconds, null, reason(thrown));
        case FAILED -> record(id, Attempt.Status.FAILED, seconds, failure(thrown), null);
      }
      return;
    }
    if (names.isTopLevelClass(id)) {
      classSeconds.merge(names.topClass(id), seconds, Double::sum);
    }
    if (names.isClass(id)) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        record(id, Attempt.Status.FAILED, seconds, failure(thrown), null);
      } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
        skipDescendants(id, reason(thrown));
      }
    } else if (plan.getParent(id).isEmpty() && result.getStatus() == TestExecutionResult.Status.FAILED) {
      errors.add("test engine " + id.getDisplayName() + " failed: " + (thrown == null ? "no reason given" : thrown));
    }
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    if (frozen) {
      return;
    }
    entry.getKeyValuePairs().forEach((key, value) -> PerformanceFigure.fromEntryKey(key).ifPresent(figure -> {
      try {
        synchronized (performance) {
          figure.merge(performance, Double.parseDouble(value));
        }
      } catch (NumberFormatException e) {
        errors.add(names.className(id) + " published " + key + "='" + value + "', which is not a number");
      }
    }));
  }

  /** The test running now; when none, the innermost class being set up or torn down. */
  Optional<TestIdentifier> current() {
    return running.stream().filter(TestIdentifier::isTest).findFirst().or(() -> running.stream().findFirst());
  }

  /**
   * Stops recording: whatever the execution reports from now on is ignored. A class still running
   * keeps the time it had run, so the next plan knows it is slow.
   */
  void freeze() {
    frozen = true;
    for (TestIdentifier id : running) {
      Long start = startNanos.get(id.getUniqueId());
      if (names != null && names.isTopLevelClass(id) && start != null) {
        classSeconds.merge(names.topClass(id), (System.nanoTime() - start) / 1e9, Double::sum);
      }
    }
  }

  Optional<Attempt> attempt(String uniqueId) {
    return Optional.ofNullable(attempts.get(uniqueId));
  }

  /** An attempt for a test that did not finish (the run timeout hit while it ran). */
  Attempt unfinished(TestIdentifier id, FailureInfo failure) {
    Long start = startNanos.get(id.getUniqueId());
    double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
    return new Attempt(id.getUniqueId(), names.topClass(id), names.className(id), names.name(id), Attempt.Status.FAILED,
        seconds, failure, null);
  }

  long testsPlanned() {
    return plan == null ? 0 : plan.countTestIdentifiers(TestIdentifier::isTest);
  }

  Map<String, Double> classSeconds() {
    return classSeconds;
  }

  PerformanceFigures performance() {
    synchronized (performance) {
      return performance;
    }
  }

  Iterable<String> errors() {
    return errors;
  }

  private void skipDescendants(TestIdentifier container, String reason) {
    for (TestIdentifier descendant : plan.getDescendants(container)) {
      if (descendant.isTest() && !attempts.containsKey(descendant.getUniqueId())) {
        record(descendant, Attempt.Status.SKIPPED, 0, null, reason);
      }
    }
  }

  private void record(TestIdentifier id, Attempt.Status status, double seconds, FailureInfo failure, String skipReason) {
    Attempt attempt = new Attempt(id.getUniqueId(), names.topClass(id), names.className(id), names.name(id), status,
        seconds, failure, skipReason);
    attempts.put(id.getUniqueId(), attempt);
    sink.accept(attempt);
  }

  private static FailureInfo failure(Throwable thrown) {
    return thrown == null ? new FailureInfo("java.lang.AssertionError", "failed without an exception", "", true)
        : FailureInfo.of(thrown);
  }

  private static String reason(Throwable thrown) {
    return thrown == null || thrown.getMessage() == null ? "aborted" : thrown.getMessage();
  }
}
