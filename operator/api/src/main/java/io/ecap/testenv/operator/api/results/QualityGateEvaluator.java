package io.ecap.testenv.operator.api.results;

import io.ecap.testenv.operator.api.spec.QualityGatesSpec;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.TestResults;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Evaluates the spec's quality gates on aggregated results. A latency gate whose figure nothing
 * measured (its suite did not run) is NotEvaluated: it neither passes nor fails the run, and is
 * reported as such so nobody mistakes it for a pass.
 */
public final class QualityGateEvaluator {

  public static final String PASSED = "Passed";
  public static final String FAILED = "Failed";
  public static final String NOT_EVALUATED = "NotEvaluated";

  private QualityGateEvaluator() {
  }

  public static Verdict evaluate(QualityGatesSpec gates, TestResults results, PerformanceFigures performance) {
    List<GateResult> outcomes = new ArrayList<>();
    if (gates.getMinSuccessRate() != null) {
      outcomes.add(atLeast("minSuccessRate", gates.getMinSuccessRate(), results.getSuccessRate()));
    }
    if (gates.getMaxFlakyTests() != null) {
      outcomes.add(atMost("maxFlakyTests", gates.getMaxFlakyTests(), (double) results.getFlaky()));
    }
    PerformanceFigures p = performance == null ? new PerformanceFigures() : performance;
    addLatency(outcomes, "apiP95Millis", gates.getApiP95Millis(), p.getApiP95Millis());
    addLatency(outcomes, "streamingP99Millis", gates.getStreamingP99Millis(), p.getStreamingP99Millis());
    addLatency(outcomes, "queryMillis", gates.getQueryMillis(), p.getQueryMillis());
    addLatency(outcomes, "inferenceP99Millis", gates.getInferenceP99Millis(), p.getInferenceP99Millis());
    addLatency(outcomes, "healthP99Millis", gates.getHealthP99Millis(), p.getHealthP99Millis());
    return new Verdict(outcomes);
  }

  private static void addLatency(List<GateResult> outcomes, String name, Integer limit, Double measured) {
    if (limit != null) {
      outcomes.add(atMost(name, limit, measured));
    }
  }

  private static GateResult atLeast(String name, double limit, Double measured) {
    return gate(name, limit, measured, measured != null && measured >= limit);
  }

  private static GateResult atMost(String name, double limit, Double measured) {
    return gate(name, limit, measured, measured != null && measured <= limit);
  }

  private static GateResult gate(String name, double limit, Double measured, boolean passed) {
    GateResult gate = new GateResult();
    gate.setName(name);
    gate.setLimit(limit);
    gate.setMeasured(measured);
    gate.setOutcome(measured == null ? NOT_EVALUATED : passed ? PASSED : FAILED);
    return gate;
  }

  /** Every gate's outcome; the run passes its gates when none failed. */
  public record Verdict(List<GateResult> gates) {

    public boolean passed() {
      return gates.stream().noneMatch(g -> FAILED.equals(g.getOutcome()));
    }

    public List<GateResult> failed() {
      return gates.stream().filter(g -> FAILED.equals(g.getOutcome())).toList();
    }

    /** E.g. {@code minSuccessRate 91.3 < 95; apiP95Millis 340 > 200}: the reason text of a failed verdict. */
    public String describeFailures() {
      return failed().stream().map(g -> g.getName() + " " + format(g.getMeasured())
          + (g.getName().startsWith("min") ? " < " : " > ") + format(g.getLimit()))
          .collect(Collectors.joining("; "));
    }

    private static String format(Double value) {
      return value == null ? "-" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
