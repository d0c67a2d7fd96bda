package io.ecap.testrunner.metrics;

import io.ecap.testrunner.results.ShardResult;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Pushes a shard's {@link ResultsMetrics} to a Pushgateway, grouped by job, run and shard. */
public final class PushgatewayPublisher {

  public static final String JOB = "ecap-test-runner";

  private final URI url;

  /** @param url the Pushgateway's base URL, e.g. {@code http://pushgateway.monitoring:9091} */
  public PushgatewayPublisher(String url) {
    URI parsed = URI.create(url.trim());
    if (parsed.getHost() == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))) {
      throw new IllegalArgumentException("ECAP_PUSHGATEWAY_URL '" + url + "' is not an http(s) URL with a host");
    }
    this.url = parsed;
  }

  /** Replaces the group {@code job/run/shard} with this shard's metrics. */
  public void push(ShardResult result) throws IOException {
    int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    PushGateway.builder()
        .scheme("https".equals(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
        .address(url.getHost() + ":" + port + path)
        .job(JOB)
        .groupingKey("run", result.runId())
        .groupingKey("shard", Integer.toString(result.shardIndex()))
        .registry(ResultsMetrics.registry(result))
        .connectionTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .build()
        .push();
  }
}
