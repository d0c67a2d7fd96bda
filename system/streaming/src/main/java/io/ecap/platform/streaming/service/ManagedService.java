package io.ecap.platform.streaming.service;

/**
 * What the platform launcher needs of a streaming service: start it, ask its health (for {@code /health/ready}),
 * stop it. Metrics go to the registry the launcher passed in (served at its {@code /metrics}).
 */
public interface ManagedService extends AutoCloseable {

  /** The name used in {@code --service NAME}: streaming, fraud or notifications. */
  String name();

  void start();

  ServiceHealth health();

  /** Stops consuming after the batch in hand, commits, and releases clients. */
  @Override
  void close();
}
