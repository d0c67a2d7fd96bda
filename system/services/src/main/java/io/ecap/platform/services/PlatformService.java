package io.ecap.platform.services;

/** A running platform service (api; streaming, fraud and notifications come with their own issues). */
public interface PlatformService extends AutoCloseable {

  String name();

  /** Base URL of its HTTP endpoint (health, metrics, API). */
  String url();

  @Override
  void close();
}
