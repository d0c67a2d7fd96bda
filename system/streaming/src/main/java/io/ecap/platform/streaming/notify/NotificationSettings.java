package io.ecap.platform.streaming.notify;

import io.ecap.platform.core.Topics;
import io.ecap.platform.streaming.consumer.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where fraud alerts go and how hard to try.
 *
 * @param webhooks URLs that get each alert as an HTTP POST (JSON, {@code Idempotency-Key} header)
 * @param smtp the mail server, or null for no e-mail
 * @param emailRecipients addresses that get each alert by e-mail (ignored without {@code smtp})
 * @param maxPerRecipientPerMinute deliveries per recipient per minute; the excess waits in the dead-letter store
 * @param delivery retries of one delivery before it goes to the dead-letter store
 * @param alertTopic the topic alerts are read from (an environment sharing a broker may use its own)
 */
public record NotificationSettings(List<URI> webhooks, SmtpSettings smtp, List<String> emailRecipients,
                                   int maxPerRecipientPerMinute, RetryPolicy delivery, String alertTopic) {

  public static final RetryPolicy DEFAULT_DELIVERY = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2));

  public NotificationSettings {
    webhooks = List.copyOf(webhooks);
    emailRecipients = List.copyOf(emailRecipients);
    if (maxPerRecipientPerMinute < 1) {
      throw new IllegalArgumentException("maxPerRecipientPerMinute must be >= 1");
    }
  }

  public static NotificationSettings of(List<URI> webhooks, SmtpSettings smtp, List<String> emailRecipients) {
    return new NotificationSettings(webhooks, smtp, emailRecipients, 60, DEFAULT_DELIVERY, Topics.FRAUD_ALERTS);
  }

  /**
   * From the environment: {@code ECAP_NOTIFY_WEBHOOKS} and {@code ECAP_NOTIFY_EMAILS} (comma-separated),
   * {@code ECAP_SMTP_HOST} (no e-mail when unset), {@code ECAP_SMTP_PORT} (25), {@code ECAP_SMTP_FROM},
   * {@code ECAP_SMTP_USER}, {@code ECAP_SMTP_PASSWORD}, {@code ECAP_NOTIFY_RATE_PER_MINUTE} (60).
   */
  public static NotificationSettings fromEnvironment(Map<String, String> env) {
    List<URI> webhooks = list(env.get("ECAP_NOTIFY_WEBHOOKS")).stream().map(URI::create).toList();
    for (URI hook : webhooks) {
      if (!"http".equals(hook.getScheme()) && !"https".equals(hook.getScheme())) {
        throw new IllegalArgumentException("ECAP_NOTIFY_WEBHOOKS: not an http(s) URL: " + hook);
      }
    }
    String host = env.get("ECAP_SMTP_HOST");
    SmtpSettings smtp = host == null || host.isBlank() ? null : new SmtpSettings(host.trim(),
        Integer.parseInt(env.getOrDefault("ECAP_SMTP_PORT", "25").trim()),
        env.getOrDefault("ECAP_SMTP_FROM", "ecap-alerts@localhost"), env.get("ECAP_SMTP_USER"),
        env.get("ECAP_SMTP_PASSWORD"));
    return of(webhooks, smtp, list(env.get("ECAP_NOTIFY_EMAILS")))
        .withRateLimit(Integer.parseInt(env.getOrDefault("ECAP_NOTIFY_RATE_PER_MINUTE", "60").trim()));
  }

  private static List<String> list(String value) {
    return value == null ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  public NotificationSettings withRateLimit(int perMinute) {
    return new NotificationSettings(webhooks, smtp, emailRecipients, perMinute, delivery, alertTopic);
  }

  public NotificationSettings withDelivery(RetryPolicy policy) {
    return new NotificationSettings(webhooks, smtp, emailRecipients, maxPerRecipientPerMinute, policy, alertTopic);
  }

  public NotificationSettings withAlertTopic(String topic) {
    return new NotificationSettings(webhooks, smtp, emailRecipients, maxPerRecipientPerMinute, delivery, topic);
  }

  /** An SMTP server: plain SMTP on {@code port}, with login when {@code username} is set. */
  public record SmtpSettings(String host, int port, String from, String username, String password) {
  }
}
