package io.ecap.testrunner.launch;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints one line per finished test class (suite, class, counts, time) so a person sees a shard progress. */
final class ProgressPrinter implements TestExecutionListener {

  private final PrintStream out;
  private final String prefix;
  private final Map<String, String> suiteOfClass;
  private final Map<String, int[]> countsByClass = new ConcurrentHashMap<>();
  private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
  private volatile TestNames names;

  ProgressPrinter(PrintStream out, String prefix, Map<String, String> suiteOfClass) {
    this.out = out;
    this.prefix = prefix;
    this.suiteOfClass = suiteOfClass;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    names = new TestNames(testPlan);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    startNanos.put(id.getUniqueId(), System.nanoTime());
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (names.isTopLevelClass(id)) {
      out.printf(Locale.ROOT, "%s %-14s %s skipped: %s%n", prefix, suiteOf(id), simple(names.topClass(id)), reason);
    } else if (id.isTest()) {
      count(id)[2]++;
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (id.isTest()) {
      int[] counts = count(id);
      switch (result.getStatus()) {
        case SUCCESSFUL -> counts[0]++;
        case FAILED -> counts[1]++;
        case ABORTED -> counts[2]++;
      }
    } else if (names.isTopLevelClass(id)) {
      int[] counts = countsByClass.getOrDefault(names.topClass(id), new int[3]);
      Long start = startNanos.get(id.getUniqueId());
      double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
      String failure = result.getStatus() == TestExecutionResult.Status.FAILED
          ? "  class failed: " + result.getThrowable().map(Throwable::getMessage).orElse("") : "";
      out.printf(Locale.ROOT, "%s %-14s %-44s %d passed, %d failed, %d skipped (%.1f s)%s%n", prefix, suiteOf(id),
          simple(names.topClass(id)), counts[0], counts[1], counts[2], seconds, failure);
    }
  }

  private int[] count(TestIdentifier id) {
    return countsByClass.computeIfAbsent(names.topClass(id), c -> new int[3]);
  }

  private String suiteOf(TestIdentifier id) {
    return suiteOfClass.getOrDefault(names.topClass(id), "?");
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
