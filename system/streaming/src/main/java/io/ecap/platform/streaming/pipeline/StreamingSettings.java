package io.ecap.platform.streaming.pipeline;

import java.time.Duration;

/**
 * Event-time settings of the pipeline.
 *
 * @param allowedLateness how far (event time) behind the watermark an event may arrive and still count: a window
 *                        [start, end) accepts events until the watermark reaches {@code end + allowedLateness}
 * @param idleTimeout a partition silent this long (processing time) stops holding the watermark back
 */
public record StreamingSettings(Duration allowedLateness, Duration idleTimeout) {

  /** One minute of lateness, partitions idle after 30 s. */
  public static final StreamingSettings DEFAULT = new StreamingSettings(Duration.ofMinutes(1), Duration.ofSeconds(30));

  public StreamingSettings {
    if (allowedLateness.isNegative() || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("allowedLateness >= 0 and idleTimeout > 0 required");
    }
  }
}
