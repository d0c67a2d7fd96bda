package io.ecap.platform.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.analytics.jobs.LakeIngestion;
import io.ecap.platform.analytics.jobs.LakeJob;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Landing files to bronze to silver: counts, idempotent re-runs, de-duplication, rejects, time travel, schema evolution. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakePipelineIT {

  @TempDir
  static Path root;
  static TestLake lake;
  static DatasetSummary summary;

  @BeforeAll
  static void land() {
    lake = new TestLake(root);
    summary = lake.land(DatasetProfile.of(150, 40, 600), 7);
  }

  @AfterAll
  static void close() throws Exception {
    lake.close();
  }

  @Test
  @Order(1)
  void ingestionLandsEveryLineInBronzeAndEveryEntityOnceInSilver() throws Exception {
    assertThat(new LakeIngestion(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);
    LakeTables t = lake.tables();
    assertThat(t.read(Layer.BRONZE, "orders").count()).isEqualTo(summary.orders());
    assertThat(t.read(Layer.BRONZE, "clickstream").count()).isEqualTo(summary.clicks());
    assertThat(t.read(Layer.SILVER, SilverTables.ORDERS).count()).isEqualTo(summary.orders());
    assertThat(t.read(Layer.SILVER, SilverTables.PAYMENTS).count()).isEqualTo(summary.orders());
    assertThat(t.read(Layer.SILVER, SilverTables.ORDER_ITEMS).count()).isEqualTo(summary.orderItems());
    assertThat(t.read(Layer.SILVER, SilverTables.CUSTOMERS).count()).isEqualTo(summary.customers());
    assertThat(t.read(Layer.SILVER, SilverTables.PRODUCTS).count()).isEqualTo(summary.products());
    assertThat(t.read(Layer.SILVER, SilverTables.FRAUD_LABELS).count()).isEqualTo(summary.fraudOrders());
    assertThat(t.read(Layer.SILVER, SilverTables.REJECTED).count()).isZero();
    // Typed and partitioned: the order date partition column exists and timestamps parsed.
    assertThat(t.read(Layer.SILVER, SilverTables.ORDERS).filter(col("placed_at").isNull()).count()).isZero();
    assertThat(Files.list(Path.of(t.path(Layer.SILVER, SilverTables.ORDERS)))
        .anyMatch(p -> p.getFileName().toString().startsWith("order_date="))).isTrue();
    assertThat(lake.text("SELECT status FROM analytics_job_runs WHERE job = 'lake-ingestion'")).isEqualTo("SUCCEEDED");
  }

  @Test
  @Order(2)
  void rerunningWithNothingNewChangesNeitherBronzeNorSilverAndTheAnnouncedRunIdIsKept() throws Exception {
    LakeTables t = lake.tables();
    long bronzeVersion = t.version(Layer.BRONZE, "orders").orElseThrow();
    long silverVersion = t.version(Layer.SILVER, SilverTables.ORDERS).orElseThrow();
    // A launcher (the API) announced the run first and handed its id to the job through ECAP_JOB_RUN_ID.
    java.util.UUID runId = java.util.UUID.randomUUID();
    try (var c = lake.jdbc().connect(); var s = c.createStatement()) {
      s.executeUpdate("INSERT INTO analytics_job_runs (run_id, job, status, started_at) VALUES ('" + runId
          + "', 'lake-ingestion', 'RUNNING', now())");
    }
    var announced = new io.ecap.platform.analytics.jobs.JobEnvironment(lake.config(),
        java.util.Optional.of(lake.jdbc()), java.time.Clock.systemUTC(), java.util.Optional.of(runId));
    assertThat(new LakeIngestion(announced).execute()).isEqualTo(LakeJob.EXIT_OK);
    assertThat(lake.text("SELECT status FROM analytics_job_runs WHERE run_id = '" + runId + "'")).isEqualTo("SUCCEEDED");
    assertThat(t.version(Layer.BRONZE, "orders")).contains(bronzeVersion);
    assertThat(t.version(Layer.SILVER, SilverTables.ORDERS)).contains(silverVersion);
  }

  @Test
  @Order(3)
  void redeliveredEventsAreDeduplicatedAndBrokenLinesRejectedWhileTimeTravelKeepsThePreviousBuild() throws Exception {
    Path orders = Path.of(lake.config().landing(), "orders.jsonl");
    List<String> lines = Files.readAllLines(orders);
    // The same 10 events again (a redelivery) and one line that is not JSON.
    Files.write(orders, lines.subList(0, 10), StandardOpenOption.APPEND);
    Files.writeString(orders, "{\"eventId\": \"broken\n", StandardOpenOption.APPEND);
    LakeTables t = lake.tables();
    long before = t.version(Layer.SILVER, SilverTables.ORDERS).orElseThrow();

    assertThat(new LakeIngestion(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);

    // The changed file is landed again as a whole: bronze keeps everything as it came...
    assertThat(t.read(Layer.BRONZE, "orders").count()).isEqualTo(2L * summary.orders() + 10 + 1);
    // ...silver counts every event once, and the broken line is quarantined.
    assertThat(t.read(Layer.SILVER, SilverTables.ORDERS).count()).isEqualTo(summary.orders());
    assertThat(t.read(Layer.SILVER, SilverTables.REJECTED).filter(col("bronze_table").equalTo("orders")).count())
        .isEqualTo(1);
    assertThat(t.version(Layer.SILVER, SilverTables.ORDERS).orElseThrow()).isGreaterThan(before);
    assertThat(t.readVersion(Layer.SILVER, SilverTables.ORDERS, before).count()).isEqualTo(summary.orders());
    assertThat(t.readVersion(Layer.SILVER, SilverTables.REJECTED, 0).count()).isZero();
  }

  @Test
  @Order(4)
  void bronzeSchemaEvolvesWhenASourceAddsAColumn() {
    LakeTables t = lake.tables();
    long rows = t.read(Layer.BRONZE, "payments").count();
    Dataset<Row> lines = TestLake.spark().createDataset(List.of("{\"eventId\":\"e-new\"}"),
        org.apache.spark.sql.Encoders.STRING()).toDF("value");
    Dataset<Row> withHeaders = BronzeIngestion.bronzeRows(lines, BronzeSource.PAYMENTS, "test", LoadId.next())
        .withColumn("trace_parent", lit("00-abc-def-01"));
    t.append(withHeaders, Layer.BRONZE, "payments", "ingest_date");

    Dataset<Row> evolved = t.read(Layer.BRONZE, "payments");
    assertThat(evolved.columns()).contains("trace_parent");
    assertThat(evolved.count()).isEqualTo(rows + 1);
    assertThat(evolved.filter(col("trace_parent").isNull()).count()).isEqualTo(rows);
  }
}
