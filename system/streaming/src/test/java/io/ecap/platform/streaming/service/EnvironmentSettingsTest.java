package io.ecap.platform.streaming.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.streaming.fraud.FraudSettings;
import io.ecap.platform.streaming.notify.NotificationSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

  @Test
  void fraudSettingsHaveDefaultsAndReadTheModelSources() {
    assertThat(FraudSettings.fromEnvironment(Map.of())).isEqualTo(FraudSettings.DEFAULT);
    assertThat(FraudSettings.DEFAULT.registryModel()).isEqualTo("fraud-lr");
    FraudSettings s = FraudSettings.fromEnvironment(Map.of("ECAP_FRAUD_MODEL_PATH", "/models/production.json",
        "ECAP_FRAUD_DECLINE_THRESHOLD", "0.7", "ECAP_FRAUD_MODEL_RELOAD_SECONDS", "10",
        "ECAP_FRAUD_REGISTRY_MODEL", "none"));
    assertThat(s.modelPath()).isEqualTo(Path.of("/models/production.json"));
    assertThat(s.registryModel()).isNull();
    assertThat(s.declineThreshold()).isEqualTo(0.7);
    assertThat(s.reloadEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> FraudSettings.fromEnvironment(Map.of("ECAP_FRAUD_DECLINE_THRESHOLD", "2")))
        .hasMessageContaining("declineThreshold");
  }

  @Test
  void notificationSettingsReadSinksAndRejectNonHttpWebhooks() {
    NotificationSettings none = NotificationSettings.fromEnvironment(Map.of());
    assertThat(none.webhooks()).isEmpty();
    assertThat(none.smtp()).isNull();
    NotificationSettings s = NotificationSettings.fromEnvironment(Map.of(
        "ECAP_NOTIFY_WEBHOOKS", "http://a.test/hook, https://b.test/x", "ECAP_NOTIFY_EMAILS", "fraud@x.test",
        "ECAP_SMTP_HOST", "mail", "ECAP_SMTP_PORT", "2525", "ECAP_NOTIFY_RATE_PER_MINUTE", "5"));
    assertThat(s.webhooks()).containsExactly(URI.create("http://a.test/hook"), URI.create("https://b.test/x"));
    assertThat(s.smtp().host()).isEqualTo("mail");
    assertThat(s.smtp().port()).isEqualTo(2525);
    assertThat(s.emailRecipients()).containsExactly("fraud@x.test");
    assertThat(s.maxPerRecipientPerMinute()).isEqualTo(5);
    assertThatThrownBy(() -> NotificationSettings.fromEnvironment(Map.of("ECAP_NOTIFY_WEBHOOKS", "ftp://x")))
        .hasMessageContaining("not an http(s) URL");
  }
}
