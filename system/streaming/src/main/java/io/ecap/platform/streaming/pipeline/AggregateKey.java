package io.ecap.platform.streaming.pipeline;

import java.time.Instant;

/** One aggregate cell: a metric's value for one dimension value in one window. */
public record AggregateKey(String windowName, Metric metric, Instant windowStart, Instant windowEnd, String dimension) {
}
