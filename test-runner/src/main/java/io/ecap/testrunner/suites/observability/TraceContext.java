package io.ecap.testrunner.suites.observability;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A W3C trace context the suite starts: fresh trace and span ids, sampled. */
record TraceContext(String traceId, String spanId) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  static TraceContext fresh() {
    return new TraceContext(hex(16), hex(8));
  }

  String traceparent() {
    return "00-" + traceId + "-" + spanId + "-01";
  }

  /** The trace id of a {@code traceparent} value, or null when it is not one. */
  static String traceIdOf(String traceparent) {
    Matcher m = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
    return m != null && m.matches() ? m.group(1) : null;
  }

  /** The parent (span) id of a {@code traceparent} value, or null when it is not one. */
  static String spanIdOf(String traceparent) {
    Matcher m = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
    return m != null && m.matches() ? m.group(2) : null;
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
