package io.ecap.platform.analytics.quality;

import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.SilverTables;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs a rule set over the lake. A rule whose table is missing fails (CRITICAL rules then block promotion). */
public final class QualityEngine {

  private final LakeTables lake;
  private final Clock clock;

  public QualityEngine(LakeTables lake, Clock clock) {
    this.lake = lake;
    this.clock = clock;
  }

  public QualityReport run(List<QualityRule> rules) {
    List<RuleResult> results = new ArrayList<>();
    try (RuleInputs inputs = new RuleInputs(lake)) {
      for (QualityRule rule : rules) {
        if (!lake.exists(Layer.SILVER, rule.table())) {
          results.add(new RuleResult(rule.name(), rule.table(), rule.kind(), rule.severity(), false, 0, 0, null, null,
              "table silver/" + rule.table() + " does not exist"));
        } else {
          results.add(rule.evaluate(inputs));
        }
      }
    }
    return new QualityReport(UUID.randomUUID(), clock.instant(), silverVersions(lake), results);
  }

  /** The silver tables' Delta versions, e.g. {@code customers@3,orders@3,...}: identifies what a report checked. */
  public static String silverVersions(LakeTables lake) {
    return Stream.of(SilverTables.CUSTOMERS, SilverTables.PRODUCTS, SilverTables.ORDERS, SilverTables.ORDER_ITEMS,
            SilverTables.PAYMENTS, SilverTables.CLICKSTREAM, SilverTables.FRAUD_LABELS)
        .map(t -> t + "@" + lake.version(Layer.SILVER, t).map(String::valueOf).orElse("-"))
        .collect(Collectors.joining(","));
  }
}
