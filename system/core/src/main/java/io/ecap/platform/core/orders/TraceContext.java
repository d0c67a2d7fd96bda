package io.ecap.platform.core.orders;

/** The W3C traceparent and correlation id of the request, carried into the events it causes (both may be null). */
public record TraceContext(String traceparent, String correlationId) {

  public static final TraceContext NONE = new TraceContext(null, null);

  /** The 32-hex trace id inside the traceparent, or null. */
  public String traceId() {
    if (traceparent == null || traceparent.length() < 55) {
      return null;
    }
    return traceparent.substring(3, 35);
  }
}
