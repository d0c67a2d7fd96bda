package io.ecap.platform.services.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributeKey;

/**
 * The OpenTelemetry SDK of one service: W3C trace context propagation, parent-based sampling (everything is
 * recorded unless the caller's traceparent says not to). Spans carry the ids that logs and Kafka headers repeat.
 */
public final class Telemetry implements AutoCloseable {

  private final OpenTelemetrySdk sdk;
  private final Tracer tracer;

  public Telemetry(String serviceName) {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "ecap-" + serviceName))))
        .build();
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(provider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    tracer = sdk.getTracer("io.ecap.platform");
  }

  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  public Tracer tracer() {
    return tracer;
  }

  @Override
  public void close() {
    sdk.close();
  }
}
