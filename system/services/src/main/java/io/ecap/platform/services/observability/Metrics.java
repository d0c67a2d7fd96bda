package io.ecap.platform.services.observability;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToIntFunction;

/** The Prometheus registry of a service; every platform metric is named {@code ecap_*} in base units. */
public final class Metrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition served at /metrics. */
  public String scrape() {
    return registry.scrape();
  }

  /** {@code ecap_db_pool_connections{state=active|idle|pending|max}} of the JDBC pool. */
  public void bindPool(HikariDataSource pool) {
    poolGauge(registry, pool, "active", HikariPoolMXBean::getActiveConnections);
    poolGauge(registry, pool, "idle", HikariPoolMXBean::getIdleConnections);
    poolGauge(registry, pool, "pending", HikariPoolMXBean::getThreadsAwaitingConnection);
    Gauge.builder("ecap.db.pool.connections", pool, p -> p.getMaximumPoolSize())
        .description("JDBC pool connections by state").tags("state", "max").register(registry);
  }

  private static void poolGauge(MeterRegistry registry, HikariDataSource pool, String state,
                                ToIntFunction<HikariPoolMXBean> read) {
    Gauge.builder("ecap.db.pool.connections", pool, p -> {
      HikariPoolMXBean bean = p.getHikariPoolMXBean();
      return bean == null ? 0 : read.applyAsInt(bean);
    }).description("JDBC pool connections by state").tags("state", state).register(registry);
  }
}
