package io.ecap.platform.streaming.consumer;

/** Thrown by a handler for an event that can never be processed as it is (sent to the dead-letter topic, no retry). */
public class PermanentFailure extends RuntimeException {

  public PermanentFailure(String message) {
    super(message);
  }

  public PermanentFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
