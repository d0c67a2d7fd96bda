package io.ecap.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.services.config.PlatformEndpoints;
import io.ecap.platform.services.infra.embedded.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a cluster's seeding Job runs ({@code --seed --profile small --lake-path /lake}) against a real PostgreSQL:
 * the database and the lake's landing files hold the same dataset, and a retried Job leaves the same files.
 * Kafka and Redis are named (the launcher reads every endpoint) but never reached.
 */
class SeedCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedPostgresServer postgres;

  @TempDir
  Path lake;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void seedWithALakePathLandsExactlyTheRowsItLoadedAndARetryRewritesThem() throws Exception {
    String out = seed("--seed", "--profile", "small", "--lake-path", lake.toString());
    Path landing = lake.resolve("landing");
    assertThat(out).contains("landing files in " + landing);
    try (Stream<Path> files = Files.list(landing)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("customers.jsonl", "products.jsonl",
          "orders.jsonl", "payments.jsonl", "clickstream.jsonl", "fraud_labels.jsonl");
    }
    assertThat(ids(landing.resolve("customers.jsonl"), "id")).isEqualTo(column("SELECT id FROM customers"));
    assertThat(ids(landing.resolve("fraud_labels.jsonl"), "orderId")).isEqualTo(column("SELECT order_id FROM fraud_labels"));
    assertThat(lines(landing.resolve("orders.jsonl"))).hasSize(column("SELECT id FROM orders").size()).hasSize(5_000);
    assertThat(lines(landing.resolve("payments.jsonl"))).hasSize(column("SELECT id FROM payments").size());

    List<String> orders = lines(landing.resolve("orders.jsonl"));
    seed("--seed", "--profile", "small", "--lake-path", lake.toString());
    assertThat(lines(landing.resolve("orders.jsonl"))).isEqualTo(orders);
    assertThat(column("SELECT id FROM orders")).hasSize(5_000);
  }

  private static String seed(String... args) {
    Map<String, String> env = Map.of(
        PlatformEndpoints.JDBC_URL, postgres.jdbcUrl(),
        PlatformEndpoints.JDBC_USER, EmbeddedPostgresServer.USER,
        PlatformEndpoints.JDBC_PASSWORD, EmbeddedPostgresServer.PASSWORD,
        PlatformEndpoints.KAFKA_BOOTSTRAP, "unused:9092",
        PlatformEndpoints.REDIS_URL, "redis://unused:6379");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = new CommandLine(new PlatformLauncher(env, new PrintStream(bytes, true, StandardCharsets.UTF_8))).execute(args);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    return out;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file);
  }

  private static Set<String> ids(Path file, String field) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : lines(file)) {
      ids.add(JSON.readTree(line).path(field).asText());
    }
    return ids;
  }

  private static Set<String> column(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      Set<String> values = new HashSet<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}
