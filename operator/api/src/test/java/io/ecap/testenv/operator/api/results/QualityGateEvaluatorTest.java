package io.ecap.testenv.operator.api.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.spec.QualityGatesSpec;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.TestResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGateEvaluatorTest {

  private static QualityGatesSpec gates() {
    QualityGatesSpec gates = new QualityGatesSpec();
    gates.setMinSuccessRate(95.0);
    gates.setApiP95Millis(200);
    gates.setHealthP99Millis(10);
    gates.setMaxFlakyTests(1);
    return gates;
  }

  @Test
  void passingRunPassesEveryGateItMeasured() {
    TestResults results = ResultsAggregator.results(List.of(SummaryFixtures.shard(0, 99, 1, 0, 0, "api")));
    QualityGateEvaluator.Verdict verdict =
        QualityGateEvaluator.evaluate(gates(), results, SummaryFixtures.performance(120, 3));
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.gates()).extracting(GateResult::getOutcome).containsOnly(QualityGateEvaluator.PASSED);
  }

  @Test
  void eachMissedGateIsNamedWithItsMeasuredValue() {
    TestResults results = ResultsAggregator.results(List.of(SummaryFixtures.shard(0, 90, 8, 0, 2, "api")));
    QualityGateEvaluator.Verdict verdict =
        QualityGateEvaluator.evaluate(gates(), results, SummaryFixtures.performance(340, 3));
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failed()).extracting(GateResult::getName)
        .containsExactly("minSuccessRate", "maxFlakyTests", "apiP95Millis");
    assertThat(verdict.describeFailures()).isEqualTo("minSuccessRate 90 < 95; maxFlakyTests 2 > 1; apiP95Millis 340 > 200");
  }

  @Test
  void unmeasuredLatencyIsNotEvaluatedRatherThanPassed() {
    TestResults results = ResultsAggregator.results(List.of(SummaryFixtures.shard(0, 10, 0, 0, 0, "api")));
    QualityGateEvaluator.Verdict verdict = QualityGateEvaluator.evaluate(gates(), results, new PerformanceFigures());
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.gates()).filteredOn(g -> g.getName().equals("apiP95Millis"))
        .extracting(GateResult::getOutcome).containsExactly(QualityGateEvaluator.NOT_EVALUATED);
  }
}
