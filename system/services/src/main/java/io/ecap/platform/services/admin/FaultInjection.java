package io.ecap.platform.services.admin;

import io.ecap.platform.services.config.PlatformEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a test cut the platform's services off from a dependency and restore it, over the admin routes.
 * OFF unless the platform is started with it ({@code --embedded}, or {@code ECAP_FAULT_INJECTION=true} for a
 * service): then every service reaches Redis and PostgreSQL through a {@link FaultProxy} of its own process.
 * Kafka is not proxied: its clients connect to the brokers the cluster metadata advertises, not to the
 * bootstrap address, so a proxy in front of the bootstrap address would not cut them off.
 */
public final class FaultInjection implements AutoCloseable {

  public static final String ENABLED_VARIABLE = "ECAP_FAULT_INJECTION";
  public static final String REDIS = "redis";
  public static final String POSTGRESQL = "postgresql";

  private final Map<String, FaultProxy> proxies;
  private final PlatformEndpoints endpoints;

  private FaultInjection(Map<String, FaultProxy> proxies, PlatformEndpoints endpoints) {
    this.proxies = proxies;
    this.endpoints = endpoints;
  }

  /** No proxies: the services use the real endpoints, and the admin routes answer 404. */
  public static FaultInjection disabled() {
    return new FaultInjection(Map.of(), null);
  }

  /** Proxies in front of Redis and PostgreSQL of {@code real}. */
  public static FaultInjection start(PlatformEndpoints real) throws IOException {
    Map<String, FaultProxy> proxies = new LinkedHashMap<>();
    try {
      URI redis = URI.create(real.redisUrl());
      FaultProxy redisProxy = FaultProxy.start(REDIS, redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
      proxies.put(REDIS, redisProxy);
      URI jdbc = URI.create(jdbcTarget(real.jdbcUrl()));
      FaultProxy postgresProxy = FaultProxy.start(POSTGRESQL, jdbc.getHost(), jdbc.getPort() < 0 ? 5432 : jdbc.getPort());
      proxies.put(POSTGRESQL, postgresProxy);
      PlatformEndpoints proxied = new PlatformEndpoints(real.kafkaBootstrap(),
          "jdbc:" + withLoopbackPort(jdbc, postgresProxy.port()), real.jdbcUser(), real.jdbcPassword(),
          withLoopbackPort(redis, redisProxy.port()).toString());
      return new FaultInjection(proxies, proxied);
    } catch (IOException | RuntimeException e) {
      proxies.values().forEach(FaultProxy::close);
      throw e;
    }
  }

  /** Whether {@code ECAP_FAULT_INJECTION} asks for it. */
  public static boolean requested(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault(ENABLED_VARIABLE, "").trim());
  }

  public boolean enabled() {
    return !proxies.isEmpty();
  }

  /** What the services must connect to: the proxies when enabled, {@code real} otherwise. */
  public PlatformEndpoints endpoints(PlatformEndpoints real) {
    return enabled() ? endpoints : real;
  }

  public Map<String, FaultProxy> proxies() {
    return proxies;
  }

  public Optional<FaultProxy> proxy(String dependency) {
    return Optional.ofNullable(proxies.get(dependency));
  }

  private static String jdbcTarget(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("fault injection needs a jdbc:postgresql://host:port/db URL, got " + jdbcUrl);
    }
    String rest = jdbcUrl.substring("jdbc:".length());
    if (rest.substring("postgresql://".length()).split("[/?]", 2)[0].contains(",")) {
      throw new IllegalArgumentException("fault injection supports one PostgreSQL host, got " + jdbcUrl);
    }
    return rest;
  }

  private static URI withLoopbackPort(URI uri, int port) {
    try {
      return new URI(uri.getScheme(), uri.getUserInfo(), "127.0.0.1", port, uri.getPath(), uri.getQuery(), uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot point " + uri + " at the fault proxy: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    proxies.values().forEach(FaultProxy::close);
  }
}
