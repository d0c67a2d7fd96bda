package io.ecap.platform.streaming.notify;

import io.ecap.platform.streaming.fraud.FraudEvents;

/**
 * One alert for one recipient on one channel. The idempotency key is the same for every attempt and every replay
 * (order, channel, recipient), so a receiver that honours it never acts twice and this service de-duplicates on it.
 */
public record Notification(String idempotencyKey, Channel channel, String recipient, FraudEvents.Alert alert) {

  /** Delivery channels. */
  public enum Channel {
    WEBHOOK, EMAIL;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Notification of(Channel channel, String recipient, FraudEvents.Alert alert) {
    return new Notification("fraud-alert:" + alert.orderId() + ':' + channel.key() + ':' + recipient, channel,
        recipient, alert);
  }
}
