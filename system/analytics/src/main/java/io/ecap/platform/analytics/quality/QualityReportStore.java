package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.col;

import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where quality reports go: the lake table {@code _meta/quality_results} (history, and the gate's cache by silver
 * versions), PostgreSQL {@code data_quality_results} (what the API and suites read), and a Prometheus text file
 * {@code _meta/metrics/data_quality.prom} (node-exporter textfile format) for scraping or pushing.
 */
public final class QualityReportStore {

  private static final String TABLE = "quality_results";
  private static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType).add("checked_at", DataTypes.TimestampType)
      .add("silver_versions", DataTypes.StringType).add("rule", DataTypes.StringType)
      .add("table_name", DataTypes.StringType).add("kind", DataTypes.StringType).add("severity", DataTypes.StringType)
      .add("passed", DataTypes.BooleanType).add("failing_rows", DataTypes.LongType).add("total_rows", DataTypes.LongType)
      .add("observed", DataTypes.DoubleType).add("threshold", DataTypes.DoubleType).add("details", DataTypes.StringType);

  private final LakeTables lake;
  private final Optional<JdbcTarget> jdbc;

  public QualityReportStore(LakeTables lake, Optional<JdbcTarget> jdbc) {
    this.lake = lake;
    this.jdbc = jdbc;
  }

  public void save(QualityReport report) throws SQLException {
    List<Row> rows = new ArrayList<>();
    for (RuleResult r : report.results()) {
      rows.add(RowFactory.create(report.runId().toString(), Timestamp.from(report.checkedAt()), report.silverVersions(),
          r.rule(), r.table(), r.kind().name(), r.severity().name(), r.passed(), r.failingRows(), r.totalRows(),
          finite(r.observed()), r.threshold(), r.details()));
    }
    lake.append(lake.spark().createDataFrame(rows, SCHEMA), Layer.META, TABLE);
    if (jdbc.isPresent()) {
      insert(jdbc.get(), report);
    }
    writeMetrics(report);
  }

  /** The latest stored report of exactly these silver versions, if one was made. */
  public Optional<QualityReport> forVersions(String silverVersions) {
    if (!lake.exists(Layer.META, TABLE)) {
      return Optional.empty();
    }
    var rows = lake.read(Layer.META, TABLE).filter(col("silver_versions").equalTo(silverVersions));
    List<Row> latest = rows.orderBy(col("checked_at").desc()).select("run_id").limit(1).collectAsList();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    String runId = latest.get(0).getString(0);
    List<RuleResult> results = new ArrayList<>();
    Timestamp checked = null;
    for (Row r : rows.filter(col("run_id").equalTo(runId)).collectAsList()) {
      checked = r.getAs("checked_at");
      results.add(new RuleResult(r.getAs("rule"), r.getAs("table_name"), RuleKind.valueOf(r.getAs("kind")),
          Severity.valueOf(r.getAs("severity")), r.getAs("passed"), r.<Long>getAs("failing_rows"),
          r.<Long>getAs("total_rows"), r.getAs("observed"), r.getAs("threshold"), r.getAs("details")));
    }
    return Optional.of(new QualityReport(UUID.fromString(runId), checked.toInstant(), silverVersions, results));
  }

  private static Double finite(Double v) {
    return v == null || v.isInfinite() || v.isNaN() ? null : v;
  }

  private static void insert(JdbcTarget target, QualityReport report) throws SQLException {
    try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO data_quality_results "
        + "(run_id, rule, table_name, kind, severity, passed, failing_rows, total_rows, observed, threshold, details, "
        + "checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (RuleResult r : report.results()) {
        ps.setObject(1, report.runId());
        ps.setString(2, r.rule());
        ps.setString(3, r.table());
        ps.setString(4, r.kind().name());
        ps.setString(5, r.severity().name());
        ps.setBoolean(6, r.passed());
        ps.setLong(7, r.failingRows());
        ps.setLong(8, r.totalRows());
        ps.setObject(9, finite(r.observed()));
        ps.setObject(10, r.threshold());
        ps.setString(11, r.details());
        ps.setTimestamp(12, Timestamp.from(report.checkedAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeMetrics(QualityReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# HELP ecap_data_quality_failing_rows Rows breaking each data-quality rule in the latest run.\n");
    out.append("# TYPE ecap_data_quality_failing_rows gauge\n");
    for (RuleResult r : report.results()) {
      out.append("ecap_data_quality_failing_rows{rule=\"").append(r.rule()).append("\",table=\"").append(r.table())
          .append("\",severity=\"").append(r.severity()).append("\"} ").append(r.failingRows()).append('\n');
    }
    out.append("# HELP ecap_data_quality_rule_passed 1 when the rule passed in the latest run, else 0.\n");
    out.append("# TYPE ecap_data_quality_rule_passed gauge\n");
    for (RuleResult r : report.results()) {
      out.append("ecap_data_quality_rule_passed{rule=\"").append(r.rule()).append("\",table=\"").append(r.table())
          .append("\",severity=\"").append(r.severity()).append("\"} ").append(r.passed() ? 1 : 0).append('\n');
    }
    out.append("# HELP ecap_data_quality_last_run_timestamp_seconds When the latest data-quality run finished.\n");
    out.append("# TYPE ecap_data_quality_last_run_timestamp_seconds gauge\n");
    out.append("ecap_data_quality_last_run_timestamp_seconds ").append(report.checkedAt().getEpochSecond()).append('\n');
    Path file = new Path(lake.config().root() + "/_meta/metrics/data_quality.prom");
    try {
      FileSystem fs = file.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      try (OutputStream os = fs.create(file, true)) {
        os.write(out.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
