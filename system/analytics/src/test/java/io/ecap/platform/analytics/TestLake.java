package io.ecap.platform.analytics;

import io.ecap.platform.analytics.jobs.JobEnvironment;
import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.lake.LakeSession;
import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import io.ecap.platform.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A lake in a temporary directory, an embedded PostgreSQL with the platform's migrations, and the one local[2]
 * SparkSession all test classes share (starting Spark costs seconds on two cores).
 */
public final class TestLake implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final LakeConfig config;
  private final JdbcTarget jdbc;

  public TestLake(Path root) {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc = new JdbcTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    Database.migrate(postgres.getPostgresDatabase());
    config = LakeConfig.local(root);
  }

  public static SparkSession spark() {
    return LakeSession.create("analytics-tests");
  }

  public LakeConfig config() {
    return config;
  }

  public JdbcTarget jdbc() {
    return jdbc;
  }

  public LakeTables tables() {
    return new LakeTables(spark(), config);
  }

  public JobEnvironment environment() {
    return new JobEnvironment(config, Optional.of(jdbc), Clock.systemUTC());
  }

  public JobEnvironment environment(Clock clock) {
    return new JobEnvironment(config, Optional.of(jdbc), clock);
  }

  /** Generates a dataset into the landing directory (what the seeding step does in embedded mode). */
  public DatasetSummary land(DatasetProfile profile, long seed) {
    return new ECommerceDataGenerator(seed, profile).generate(new JsonLinesDatasetWriter(Path.of(config.landing())));
  }

  public long count(String sql) throws SQLException {
    try (Connection c = jdbc.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public String text(String sql) throws SQLException {
    try (Connection c = jdbc.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
