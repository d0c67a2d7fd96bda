package io.ecap.platform.streaming.consumer;

/**
 * Thrown by a handler for a condition that should clear by itself (e.g. a row the event refers to is not committed
 * yet): retried per the retry policy, then dead-lettered.
 */
public class TransientFailure extends RuntimeException {

  public TransientFailure(String message) {
    super(message);
  }
}
