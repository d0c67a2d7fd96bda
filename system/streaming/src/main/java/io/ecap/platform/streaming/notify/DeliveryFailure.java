package io.ecap.platform.streaming.notify;

/** A failed delivery attempt. */
public final class DeliveryFailure extends Exception {

  private final boolean retryable;

  public DeliveryFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
