package io.ecap.testrunner.launch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testrunner.results.FailureInfo;
import io.ecap.testrunner.results.Outcome;
import io.ecap.testrunner.results.PerformanceFigure;
import io.ecap.testrunner.results.TestCase;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;

/**
 * Runs the test classes of one shard on the JUnit Platform: retries each failed test by its unique id
 * up to {@code retries} times (a test that passes only on a retry is flaky), and stops at the run
 * timeout, naming the test that was running.
 */
public final class ShardRunner {

  /** How long a timed-out execution gets to react to its interrupt before it is abandoned. */
  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

  private final Launcher launcher;
  private final int retries;
  private final Duration timeout;
  private final Map<String, String> suiteOfClass;
  private final PrintStream progress;
  private final String progressPrefix;

  public ShardRunner(Launcher launcher, int retries, Duration timeout, Map<String, String> suiteOfClass,
      PrintStream progress, String progressPrefix) {
    this.launcher = launcher;
    this.retries = retries;
    this.timeout = timeout;
    this.suiteOfClass = Map.copyOf(suiteOfClass);
    this.progress = progress;
    this.progressPrefix = progressPrefix;
  }

  /** What the shard's execution produced; {@code timedOutTest} is null when the timeout did not hit. */
  public record Execution(List<TestCase> tests, Map<String, Double> suiteSeconds, Map<String, Double> classSeconds,
      PerformanceFigures performance, String timedOutTest, List<String> errors) {
  }

  public Execution run(List<String> classes) {
    Book book = new Book();
    List<String> errors = new CopyOnWriteArrayList<>();
    Map<String, Double> classSeconds = new ConcurrentHashMap<>();
    PerformanceFigures performance = new PerformanceFigures();
    ExecutionRecorder[] current = new ExecutionRecorder[1];
    long[] planned = new long[1];
    CancellationToken cancellation = CancellationToken.create();
    Thread worker = new Thread(() -> {
      try {
        List<DiscoverySelector> selectors = classes.stream().<DiscoverySelector>map(c -> selectClass(c)).toList();
        ExecutionRecorder main = execute(selectors, book, current, cancellation, "");
        planned[0] = main.testsPlanned();
        collect(main, classSeconds, performance, errors);
        for (Attempt failed : book.failedTests()) {
          for (int attempt = 1; attempt <= retries && !cancellation.isCancellationRequested(); attempt++) {
            progress.printf("%s retrying %s (retry %d of %d)%n", progressPrefix, failed.shortName(), attempt, retries);
            ExecutionRecorder retry = execute(List.of(selectUniqueId(failed.uniqueId())), book, current, cancellation,
                " (retry " + attempt + ")");
            collect(retry, classSeconds, performance, errors);
            Optional<Attempt> outcome = retry.attempt(failed.uniqueId());
            if (outcome.isEmpty()) {
              errors.add("the retry of " + failed.shortName() + " found no such test to run again");
              break;
            }
            if (outcome.get().status() == Attempt.Status.PASSED) {
              break;
            }
          }
        }
      } catch (RuntimeException | LinkageError e) {
        errors.add("the JUnit launcher failed: " + e);
      }
    }, "ecap-shard-runner");
    worker.setDaemon(true);
    worker.start();
    String timedOutTest = null;
    try {
      worker.join(timeout.toMillis());
      if (worker.isAlive()) {
        // Nothing that happens after the timeout counts: stop recording, then stop the execution.
        book.close();
        ExecutionRecorder recorder = current[0];
        Optional<TestIdentifier> running = recorder == null ? Optional.empty() : recorder.current();
        if (recorder != null) {
          recorder.freeze();
        }
        cancellation.cancel();
        worker.interrupt();
        worker.join(INTERRUPT_GRACE.toMillis());
        String message = "the run timeout (" + describe(timeout) + ") hit while this test was running";
        FailureInfo failure = new FailureInfo("java.util.concurrent.TimeoutException", message, message, false);
        if (running.isPresent() && recorder != null) {
          Attempt unfinished = recorder.unfinished(running.get(), failure);
          book.timedOut(recorder.attempt(unfinished.uniqueId()).orElse(null), unfinished);
          timedOutTest = unfinished.shortName();
        }
        errors.add("the run timeout (" + describe(timeout) + ") hit" + (timedOutTest == null ? ""
            : " while " + timedOutTest + " was running"));
        if (recorder != null) {
          collect(recorder, classSeconds, performance, errors);
        }
        long notRun = planned[0] - book.realTests();
        if (notRun > 0) {
          errors.add(notRun + " test(s) did not run because of the timeout");
        }
        progress.printf("%s TIMEOUT after %s while running %s%n", progressPrefix, describe(timeout),
            timedOutTest == null ? "no test" : timedOutTest);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add("the shard was interrupted before its tests finished");
    }
    List<TestCase> tests = book.cases(suiteOfClass);
    Map<String, Double> suiteSeconds = new LinkedHashMap<>();
    classSeconds.forEach((c, s) -> suiteSeconds.merge(suiteOfClass.getOrDefault(c, "?"), s, Double::sum));
    return new Execution(tests, suiteSeconds, Map.copyOf(classSeconds), performance, timedOutTest, List.copyOf(errors));
  }

  private ExecutionRecorder execute(List<DiscoverySelector> selectors, Book book, ExecutionRecorder[] current,
      CancellationToken cancellation, String attemptLabel) {
    ExecutionRecorder recorder = new ExecutionRecorder(book::add);
    current[0] = recorder;
    launcher.execute(LauncherExecutionRequestBuilder.request(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
        .build()).cancellationToken(cancellation)
        .listeners(recorder, new ProgressPrinter(progress, progressPrefix + attemptLabel, suiteOfClass)).build());
    return recorder;
  }

  private static void collect(ExecutionRecorder recorder, Map<String, Double> classSeconds,
      PerformanceFigures performance, List<String> errors) {
    recorder.classSeconds().forEach((c, s) -> classSeconds.merge(c, s, Double::sum));
    PerformanceFigures measured = recorder.performance();
    synchronized (measured) {
      for (PerformanceFigure figure : PerformanceFigure.values()) {
        Double value = figure.get(measured);
        if (value != null) {
          figure.merge(performance, value);
        }
      }
    }
    recorder.errors().forEach(e -> {
      if (!errors.contains(e)) {
        errors.add(e);
      }
    });
  }

  static String describe(Duration duration) {
    return duration.toMillis() % 60_000 == 0 ? duration.toMinutes() + "m"
        : duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }

  /** The attempts of every test, in the order tests first reported. */
  private static final class Book {
    private final Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
    private boolean closed;

    synchronized void add(Attempt attempt) {
      if (!closed) {
        attempts.computeIfAbsent(attempt.uniqueId(), id -> new ArrayList<>()).add(attempt);
      }
    }

    synchronized void close() {
      closed = true;
    }

    /**
     * The timed-out test's attempt in the abandoned execution (when it still finished, interrupted)
     * gives way to the timeout.
     */
    synchronized void timedOut(Attempt interrupted, Attempt timedOut) {
      List<Attempt> list = attempts.computeIfAbsent(timedOut.uniqueId(), id -> new ArrayList<>());
      if (interrupted != null) {
        list.remove(interrupted);
      }
      list.add(timedOut);
    }

    /** Tests (not whole classes) whose only attempt so far failed: the ones to retry. */
    synchronized List<Attempt> failedTests() {
      return attempts.values().stream()
          .filter(list -> list.size() == 1 && list.get(0).status() == Attempt.Status.FAILED
              && !TestNames.CLASS_FAILURE.equals(list.get(0).name()))
          .map(list -> list.get(0)).toList();
    }

    synchronized long realTests() {
      return attempts.values().stream().filter(list -> !TestNames.CLASS_FAILURE.equals(list.get(0).name())).count();
    }

    synchronized List<TestCase> cases(Map<String, String> suiteOfClass) {
      List<TestCase> cases = new ArrayList<>();
      for (List<Attempt> list : attempts.values()) {
        Attempt first = list.get(0);
        Attempt last = list.get(list.size() - 1);
        Outcome outcome = first.status() == Attempt.Status.SKIPPED ? Outcome.SKIPPED
            : first.status() == Attempt.Status.PASSED ? Outcome.PASSED
            : last.status() == Attempt.Status.PASSED ? Outcome.FLAKY : Outcome.FAILED;
        List<FailureInfo> failures = list.stream().filter(a -> a.status() == Attempt.Status.FAILED)
            .map(Attempt::failure).toList();
        double seconds = list.stream().mapToDouble(Attempt::seconds).sum();
        cases.add(new TestCase(suiteOfClass.getOrDefault(first.topClass(), "?"), first.className(), first.name(),
            outcome, seconds, failures, outcome == Outcome.SKIPPED ? first.skipReason() : null));
      }
      return cases;
    }
  }
}
