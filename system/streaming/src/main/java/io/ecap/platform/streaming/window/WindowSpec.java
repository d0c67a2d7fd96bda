package io.ecap.platform.streaming.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An event-time window family: windows of {@code size} starting every {@code slide}, aligned to the epoch. Tumbling
 * when {@code slide == size} (each event in one window), sliding when {@code slide < size} (each event in
 * {@code size / slide} windows).
 */
public record WindowSpec(String name, Duration size, Duration slide) {

  /** One-minute tumbling windows: revenue, orders and funnel per minute. */
  public static final WindowSpec TUMBLING_1M = tumbling("tumbling-1m", Duration.ofMinutes(1));
  /** Five-minute windows every minute: the "last five minutes" of a live dashboard. */
  public static final WindowSpec SLIDING_5M = new WindowSpec("sliding-5m", Duration.ofMinutes(5), Duration.ofMinutes(1));

  public WindowSpec {
    if (size.isZero() || size.isNegative() || slide.isZero() || slide.isNegative() || slide.compareTo(size) > 0) {
      throw new IllegalArgumentException("a window needs 0 < slide <= size");
    }
    if (size.toMillis() % slide.toMillis() != 0) {
      throw new IllegalArgumentException("size must be a multiple of slide");
    }
  }

  public static WindowSpec tumbling(String name, Duration size) {
    return new WindowSpec(name, size, size);
  }

  /** The windows that contain {@code eventTime}, oldest first. */
  public List<Window> windowsOf(Instant eventTime) {
    long t = eventTime.toEpochMilli();
    long slideMs = slide.toMillis();
    long sizeMs = size.toMillis();
    long lastStart = Math.floorDiv(t, slideMs) * slideMs;
    List<Window> windows = new ArrayList<>((int) (sizeMs / slideMs));
    for (long start = lastStart - sizeMs + slideMs; start <= lastStart; start += slideMs) {
      windows.add(new Window(this, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + sizeMs)));
    }
    return windows;
  }

  /** One window [start, end). */
  public record Window(WindowSpec spec, Instant start, Instant end) {
  }
}
