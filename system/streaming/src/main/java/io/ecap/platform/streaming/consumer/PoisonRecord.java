package io.ecap.platform.streaming.consumer;

/** A record that cannot be decoded into a valid event: its bytes go to the dead-letter topic unchanged. */
public final class PoisonRecord extends Exception {

  private final DeadLetterReason reason;

  public PoisonRecord(DeadLetterReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
