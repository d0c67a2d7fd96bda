package io.ecap.platform.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift rule compares the latest load with the table before it (Delta time travel) and the freshness rule the
 * newest landing time with the clock, on silver tables written load by load.
 */
class DriftAndFreshnessIT {

  static final StructType ORDERS = new StructType().add("order_id", DataTypes.StringType)
      .add("total_cents", DataTypes.LongType).add("load_id", DataTypes.StringType)
      .add("ingested_at", DataTypes.TimestampType);

  @TempDir
  Path root;

  /** Appends a load of log-normal order totals (times {@code factor}) as a new version of silver/orders. */
  private static void load(LakeTables lake, List<Row> all, String loadId, int n, long seed, long factor, Instant at) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      long cents = Math.round(Math.exp(8 + random.nextGaussian() * 0.8)) * factor;
      all.add(RowFactory.create(loadId + "-" + i, cents, loadId, Timestamp.from(at)));
    }
    lake.overwrite(TestLake.spark().createDataFrame(all, ORDERS), Layer.SILVER, "orders");
  }

  private static RuleResult evaluate(LakeTables lake, QualityRule rule) {
    try (RuleInputs inputs = new RuleInputs(lake)) {
      return rule.evaluate(inputs);
    }
  }

  @Test
  void onlyALoadDistributedUnlikeThePreviousOnesIsDrift() {
    LakeTables lake = new LakeTables(TestLake.spark(), LakeConfig.local(root));
    DistributionDriftRule rule = new DistributionDriftRule("orders", "total_cents", 0.25, Severity.WARNING);
    List<Row> all = new ArrayList<>();
    Instant now = Instant.now();
    load(lake, all, "L1", 1_000, 1, 1, now);
    assertThat(evaluate(lake, rule).details()).isEqualTo("no previous load to compare with");

    load(lake, all, "L2", 1_000, 2, 1, now);
    RuleResult same = evaluate(lake, rule);
    assertThat(same.passed()).isTrue();
    assertThat(same.observed()).isLessThan(0.05);
    assertThat(same.details()).contains("load L2 (1000 rows) vs version 0");

    load(lake, all, "L3", 1_000, 3, 20, now);
    RuleResult drifted = evaluate(lake, rule);
    assertThat(drifted.passed()).isFalse();
    assertThat(drifted.severity()).isEqualTo(Severity.WARNING);
    assertThat(drifted.failingRows()).isEqualTo(1_000);
    assertThat(drifted.totalRows()).isEqualTo(3_000);
    assertThat(drifted.observed()).isGreaterThan(2.0);
  }

  @Test
  void aTableWhoseNewestLoadIsOlderThanTheLimitIsStale() {
    LakeTables lake = new LakeTables(TestLake.spark(), LakeConfig.local(root));
    load(lake, new ArrayList<>(), "L1", 10, 1, 1, Instant.now().minus(Duration.ofHours(30)));
    RuleResult stale = evaluate(lake, new FreshnessRule("orders", "ingested_at", Duration.ofHours(24),
        Severity.WARNING, Clock.systemUTC()));
    assertThat(stale.passed()).isFalse();
    assertThat(stale.failingRows()).isEqualTo(10);
    assertThat(stale.observed()).isBetween(29.9, 30.1);
    RuleResult fresh = evaluate(lake, new FreshnessRule("orders", "ingested_at", Duration.ofHours(36),
        Severity.WARNING, Clock.systemUTC()));
    assertThat(fresh.passed()).isTrue();
  }

  @Test
  void aShiftOfAMostlyConstantFeatureIsDriftAndNoShiftIsNone() {
    StructType flag = new StructType().add("flag", DataTypes.DoubleType);
    List<Row> baseline = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      baseline.add(RowFactory.create(i < 990 ? 0.0 : 1.0));
    }
    List<Row> allOnes = new ArrayList<>();
    List<Row> likeBaseline = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      allOnes.add(RowFactory.create(1.0));
      likeBaseline.add(RowFactory.create(i < 99 ? 0.0 : 1.0));
    }
    var spark = TestLake.spark();
    var expected = spark.createDataFrame(baseline, flag);
    // Every decile of the baseline is 0: the values 0 and 1 still fall in different bins.
    double shifted = PopulationStability.psi(expected, spark.createDataFrame(allOnes, flag), "flag");
    assertThat(shifted).as("PSI of 1%% -> 100%% ones").isGreaterThan(3);
    assertThat(PopulationStability.psi(expected, spark.createDataFrame(likeBaseline, flag), "flag"))
        .as("PSI of 1%% -> 1%% ones").isLessThan(0.01);
  }
}
