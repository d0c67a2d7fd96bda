package io.ecap.platform.streaming.consumer;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * Continues the producer's trace: reads the W3C {@code traceparent} header, opens a CONSUMER span under it (a no-op
 * span unless the process installed an OpenTelemetry SDK) and puts the trace id in the logging context.
 */
public final class RecordTracing {

  public static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers carrier) {
      List<String> keys = new ArrayList<>();
      carrier.forEach(h -> keys.add(h.key()));
      return keys;
    }

    @Override
    public String get(Headers carrier, String key) {
      Header header = carrier == null ? null : carrier.lastHeader(key);
      return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  };

  private final Tracer tracer = GlobalOpenTelemetry.getTracer("io.ecap.platform.streaming");

  /** The remote parent carried by the record, or an invalid context when it has none (or a malformed one). */
  public static SpanContext parentOf(ConsumerRecord<?, ?> record) {
    Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
    return Span.fromContext(extracted).getSpanContext();
  }

  /** Opens the processing span of {@code record}; close the returned scope when done. */
  public Scope start(ConsumerRecord<?, ?> record, String group) {
    SpanContext parent = parentOf(record);
    Context parentContext = parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root();
    Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER).setParent(parentContext)
        .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", record.topic())
        .setAttribute("messaging.consumer.group.name", group)
        .setAttribute("messaging.kafka.offset", record.offset()).startSpan();
    Scope scope = span.makeCurrent();
    String traceId = parent.isValid() ? parent.getTraceId() : null;
    if (traceId != null) {
      MDC.put("trace_id", traceId);
    }
    return () -> {
      scope.close();
      span.end();
      MDC.remove("trace_id");
    };
  }
}
