package io.ecap.platform.services.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.services.infra.embedded.EndpointsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformEndpointsTest {

  @Test
  void readsEveryVariableAndNamesTheMissingOnes() {
    Map<String, String> env = Map.of("ECAP_KAFKA_BOOTSTRAP", "k:9092", "ECAP_JDBC_URL", "jdbc:postgresql://db/ecap",
        "ECAP_JDBC_USER", "u", "ECAP_JDBC_PASSWORD", "p", "ECAP_REDIS_URL", "redis://r:6379");
    assertThat(PlatformEndpoints.fromEnvironment(env))
        .isEqualTo(new PlatformEndpoints("k:9092", "jdbc:postgresql://db/ecap", "u", "p", "redis://r:6379"));
    assertThatThrownBy(() -> PlatformEndpoints.fromEnvironment(Map.of("ECAP_JDBC_URL", "x")))
        .hasMessageContaining("ECAP_KAFKA_BOOTSTRAP").hasMessageContaining("ECAP_REDIS_URL")
        .hasMessageNotContaining("ECAP_JDBC_URL,");
  }

  @Test
  void httpPortDefaultsTo8080AndRejectsNonsense() {
    assertThat(PlatformEndpoints.httpPort(Map.of())).isEqualTo(8080);
    assertThat(PlatformEndpoints.httpPort(Map.of("ECAP_HTTP_PORT", "9000"))).isEqualTo(9000);
    assertThatThrownBy(() -> PlatformEndpoints.httpPort(Map.of("ECAP_HTTP_PORT", "eighty"))).hasMessageContaining("ECAP_HTTP_PORT");
    assertThatThrownBy(() -> PlatformEndpoints.httpPort(Map.of("ECAP_HTTP_PORT", "70000"))).hasMessageContaining("ECAP_HTTP_PORT");
  }

  @Test
  void endpointsFileIsWrittenWholeAsKeyValueLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/endpoints.env");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ECAP_API_URL", "http://127.0.0.1:1");
    values.put("ECAP_REDIS_URL", "redis://127.0.0.1:2");
    EndpointsFile.write(file, values);
    EndpointsFile.write(file, values);
    assertThat(Files.readAllLines(file)).contains("ECAP_API_URL=http://127.0.0.1:1", "ECAP_REDIS_URL=redis://127.0.0.1:2");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("endpoints.env");
    }
  }
}
