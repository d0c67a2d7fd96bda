package io.ecap.platform.streaming.notify;

/** Sends a notification once (retries are {@link RetryingDelivery}'s job). */
public interface NotificationSink {

  Notification.Channel channel();

  /** @throws DeliveryFailure when it was not delivered; {@link DeliveryFailure#retryable()} says if trying again may help */
  void deliver(Notification notification) throws DeliveryFailure;
}
