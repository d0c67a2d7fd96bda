package io.ecap.platform.services.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.store.Database;
import io.ecap.platform.core.testdata.IntegrationTestDataManager;
import io.ecap.platform.services.api.ApiService;
import io.ecap.platform.services.config.PlatformEndpoints;
import io.ecap.platform.services.infra.embedded.EmbeddedInfrastructure;
import io.ecap.platform.services.kafka.KafkaClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One embedded environment (real KRaft Kafka, PostgreSQL, Redis) and one api service per test JVM: starting it
 * costs seconds, so every IT class shares it. Stopped when the JVM exits.
 */
public final class TestPlatform {

  private static TestPlatform instance;

  public final EmbeddedInfrastructure infra;
  public final PlatformEndpoints endpoints;
  public final HikariDataSource pool;
  public final ApiService api;
  public final IntegrationTestDataManager data;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper mapper = new ObjectMapper();

  private TestPlatform() throws Exception {
    infra = EmbeddedInfrastructure.start();
    endpoints = infra.endpoints();
    pool = Database.pool(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword(), 4);
    Database.migrate(pool);
    data = new IntegrationTestDataManager(pool, () -> KafkaClients.producer(endpoints.kafkaBootstrap(), "test-data"));
    data.createDataset(DatasetProfile.of(200, 60, 600), 1);
    api = ApiService.start(endpoints, "127.0.0.1", 0);
  }

  public static synchronized TestPlatform get() throws Exception {
    if (instance == null) {
      instance = new TestPlatform();
      TestPlatform started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.api.close();
        started.pool.close();
        started.infra.close();
      }));
    }
    return instance;
  }

  /** A response: status, headers, body text and (if JSON) the parsed body. */
  public record Response(int status, Map<String, java.util.List<String>> headers, String body, JsonNode json) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  public Response get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(10)).GET();
    return send(b, headers);
  }

  public Response post(String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    return send(b, headers);
  }

  public Response send(HttpRequest.Builder b, String... headers) throws IOException, InterruptedException {
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (type.contains("json") && !r.body().isEmpty()) {
      json = mapper.readTree(r.body());
    }
    return new Response(r.statusCode(), r.headers().map(), r.body(), json);
  }
}
