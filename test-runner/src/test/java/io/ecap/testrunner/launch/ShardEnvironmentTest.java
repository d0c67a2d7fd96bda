package io.ecap.testrunner.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardEnvironmentTest {

  @Test
  void readsTheWholeContract() {
    ShardEnvironment env = ShardEnvironment.from(Map.ofEntries(
        Map.entry("ECAP_RUN_ID", "nightly-1"), Map.entry("ECAP_SHARD_INDEX", "1"), Map.entry("ECAP_SHARD_TOTAL", "4"),
        Map.entry("ECAP_SUITES", "api, health,,api"), Map.entry("ECAP_RETRIES", "2"), Map.entry("ECAP_TIMEOUT", "1h30m"),
        Map.entry("ECAP_PROFILE", "medium"), Map.entry("ECAP_REPORT_DIR", "/tmp/r"),
        Map.entry("ECAP_PUSHGATEWAY_URL", "http://pg:9091"), Map.entry("ECAP_NAMESPACE", "itr-x"),
        Map.entry("ECAP_RESULTS_CONFIGMAP", "itr-x-shard-1"), Map.entry("ECAP_TERMINATION_MESSAGE_PATH", "/tmp/t")));
    assertThat(env.runId()).isEqualTo("nightly-1");
    assertThat(env.shardIndex()).isEqualTo(1);
    assertThat(env.shardTotal()).isEqualTo(4);
    assertThat(env.suites()).containsExactly("api", "health");
    assertThat(env.retries()).isEqualTo(2);
    assertThat(env.timeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(env.profile()).isEqualTo("medium");
    assertThat(env.reportDir()).isEqualTo(Path.of("/tmp/r"));
    assertThat(env.pushgatewayUrl()).contains("http://pg:9091");
    assertThat(env.writesConfigMap()).isTrue();
    assertThat(env.terminationMessagePath()).contains(Path.of("/tmp/t"));
    assertThat(env.suitesPackage()).isEqualTo(ShardEnvironment.DEFAULT_SUITES_PACKAGE);
  }

  @Test
  void defaultsWhenAlone() {
    ShardEnvironment env = ShardEnvironment.from(Map.of());
    assertThat(env.shardIndex()).isZero();
    assertThat(env.shardTotal()).isEqualTo(1);
    assertThat(env.suites()).isEqualTo(List.of());
    assertThat(env.retries()).isZero();
    assertThat(env.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(env.reportDir()).isEqualTo(Path.of("target/ecap-report"));
    assertThat(env.writesConfigMap()).isFalse();
  }

  @Test
  void theIndexedJobsCompletionIndexIsTheFallback() {
    assertThat(ShardEnvironment.from(Map.of("JOB_COMPLETION_INDEX", "3", "ECAP_SHARD_TOTAL", "4")).shardIndex()).isEqualTo(3);
  }

  @Test
  void malformedValuesNameTheirVariable() {
    assertThatThrownBy(() -> ShardEnvironment.from(Map.of("ECAP_TIMEOUT", "thirty minutes"))).hasMessageContaining("ECAP_TIMEOUT");
    assertThatThrownBy(() -> ShardEnvironment.from(Map.of("ECAP_RETRIES", "x"))).hasMessageContaining("ECAP_RETRIES");
    assertThatThrownBy(() -> ShardEnvironment.from(Map.of("ECAP_SHARD_INDEX", "2", "ECAP_SHARD_TOTAL", "2")))
        .hasMessageContaining("ECAP_SHARD_INDEX=2 is not a shard of ECAP_SHARD_TOTAL=2");
    assertThatThrownBy(() -> ShardEnvironment.from(Map.of("ECAP_SHARD_TOTAL", "0"))).hasMessageContaining("ECAP_SHARD_TOTAL");
  }
}
