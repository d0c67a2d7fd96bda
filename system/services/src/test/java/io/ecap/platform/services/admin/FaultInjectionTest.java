package io.ecap.platform.services.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.services.config.PlatformEndpoints;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The services are pointed at the proxies; everything else about the endpoints stays as it was. */
class FaultInjectionTest {

  private static final PlatformEndpoints REAL = new PlatformEndpoints("127.0.0.1:9092",
      "jdbc:postgresql://db.example:5433/ecap?sslmode=disable", "ecap", "secret", "redis://:pw@cache.example:6380/2");

  @Test
  void rewritesRedisAndJdbcToTheProxiesAndLeavesKafkaAlone() throws Exception {
    try (FaultInjection faults = FaultInjection.start(REAL)) {
      assertThat(faults.enabled()).isTrue();
      assertThat(faults.proxies()).containsOnlyKeys("redis", "postgresql");
      PlatformEndpoints proxied = faults.endpoints(REAL);
      assertThat(proxied.kafkaBootstrap()).isEqualTo(REAL.kafkaBootstrap());
      assertThat(proxied.jdbcUser()).isEqualTo("ecap");
      assertThat(proxied.jdbcPassword()).isEqualTo("secret");
      assertThat(proxied.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + faults.proxies().get("postgresql").port()
          + "/ecap?sslmode=disable");
      URI redis = URI.create(proxied.redisUrl());
      assertThat(redis.getPort()).isEqualTo(faults.proxies().get("redis").port());
      assertThat(redis.getUserInfo()).isEqualTo(":pw");
      assertThat(redis.getPath()).isEqualTo("/2");
    }
  }

  @Test
  void disabledUsesTheRealEndpointsAndOnlyTrueTurnsItOn() {
    FaultInjection off = FaultInjection.disabled();
    assertThat(off.enabled()).isFalse();
    assertThat(off.endpoints(REAL)).isSameAs(REAL);
    assertThat(off.proxy("redis")).isEmpty();
    assertThat(FaultInjection.requested(Map.of())).isFalse();
    assertThat(FaultInjection.requested(Map.of("ECAP_FAULT_INJECTION", "yes"))).isFalse();
    assertThat(FaultInjection.requested(Map.of("ECAP_FAULT_INJECTION", "TRUE"))).isTrue();
  }

  @Test
  void aJdbcUrlWithSeveralHostsIsRefusedClearly() {
    PlatformEndpoints multi = new PlatformEndpoints("k:9092", "jdbc:postgresql://a:5432,b:5432/ecap", "u", "p",
        "redis://r:6379");
    assertThatThrownBy(() -> FaultInjection.start(multi)).hasMessageContaining("one PostgreSQL host");
  }
}
