import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { PrismaInstrumentation } from '@prisma/instrumentation';

export interface Tracing {
  tracer: Tracer;
  /** Sends what is buffered (tests, and the stop). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Where spans go, from the standard variables; null when tracing is off (the default). */
export function otlpTracesUrl(env: NodeJS.ProcessEnv): string | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? 'otlp').split(',').map((e) => e.trim().toLowerCase());
  if (!exporters.includes('otlp')) return null;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : null;
}

/**
 * OpenTelemetry tracing over OTLP/HTTP (JSON), on only when an OTLP endpoint
 * is configured: nothing is added to the request path otherwise. The
 * exporter reads OTEL_EXPORTER_OTLP_(TRACES_)HEADERS and …_TIMEOUT itself,
 * the resource OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; spans are
 * sent in batches every OTEL_BSP_SCHEDULE_DELAY ms (default 5000). Prisma's own instrumentation gives a span per SQL
 * statement (`prisma:client:db_query`), parented by the active resolver span.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | null {
  const url = otlpTracesUrl(env);
  if (!url) return null;
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': 'zonegraph-api' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const delay = Number(env.OTEL_BSP_SCHEDULE_DELAY);
  const processor = new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }), ...(delay > 0 ? { scheduledDelayMillis: delay } : {}) });
  const provider = new TracerProvider({ resource, spanProcessors: [processor] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  return {
    tracer: provider.getTracer('zonegraph-api'),
    flush: () => provider.forceFlush(),
    async shutdown() {
      prisma.disable();
      await provider.shutdown();
    },
  };
}

/** The collector's address for the log, without credentials a URL may carry. */
export function describeOtlpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(unparseable OTLP endpoint)';
  }
}
