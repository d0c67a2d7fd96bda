package io.ecap.platform.streaming.notify;

import io.ecap.platform.streaming.consumer.RetryPolicy;

/** Delivers with bounded retries and backoff; says how it ended. */
public final class RetryingDelivery {

  /** The end of a delivery: delivered, or the last error, after {@code attempts} tries. */
  public record Outcome(boolean delivered, int attempts, String lastError) {
  }

  private final RetryPolicy policy;

  public RetryingDelivery(RetryPolicy policy) {
    this.policy = policy;
  }

  public Outcome deliver(NotificationSink sink, Notification n) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        sink.deliver(n);
        return new Outcome(true, attempt, null);
      } catch (DeliveryFailure e) {
        if (!e.retryable() || attempt >= policy.maxAttempts()) {
          return new Outcome(false, attempt, e.getMessage());
        }
        Thread.sleep(policy.backoffAfter(attempt).toMillis());
      }
    }
  }
}
