import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { schema } from '@zonegraph/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { otlpTracesUrl, startTracing, type Tracing } from '../src/tracing.ts';
import { TRACED } from '../src/plugins/tracing.ts';
import { createApp } from '../src/yoga.ts';
import { startTestApi, type TestApi } from './testkit.ts';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

const attribute = (span: ExportedSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : undefined);
};

const tracedRootFields = () =>
  [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
    Object.values(root.getFields())
      .filter((field) => field.resolve && TRACED in field.resolve)
      .map((field) => `${root.name}.${field.name}`),
  );

describe('tracing is off unless an OTLP endpoint is configured', () => {
  it('reads the standard variables', () => {
    expect(otlpTracesUrl({})).toBeNull();
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/custom' })).toBe('http://tempo:4318/custom');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeNull();
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
    expect(startTracing({})).toBeNull();
  });

  it('wraps no resolver when off', async () => {
    const api = await startTestApi({ seeded: false });
    try {
      expect(tracedRootFields()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe('OpenTelemetry traces over OTLP/HTTP', () => {
  let collector: Server;
  const received: ExportedSpan[] = [];
  let tracing: Tracing;
  let api: TestApi;

  beforeAll(async () => {
    // The collector: an OTLP/HTTP receiver that keeps every span it is sent.
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) {
          const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
          for (const r of payload.resourceSpans) for (const s of r.scopeSpans) received.push(...s.spans);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` })!;
    expect(tracing).not.toBeNull();
    api = await startTestApi({ app: { tracer: tracing.tracer } });
  });
  afterAll(async () => {
    await api?.close();
    await tracing?.shutdown();
    await new Promise((resolve) => collector.close(resolve));
  });

  it("sends one request's spans: the request, its root resolver, and its SQL statements under it", async () => {
    const result = await api.execute('query CampaignList { campaigns(first: 2) { nodes { code } } }', undefined, { 'x-request-id': 'trace-me-000001' });
    expect(result.errors).toBeUndefined();
    await tracing.flush();

    const request = received.find((s) => attribute(s, 'zonegraph.request_id') === 'trace-me-000001');
    expect(request, JSON.stringify(received.map((s) => s.name))).toBeDefined();
    expect(request!.name).toBe('query CampaignList');
    expect(request!.kind).toBe(2); // SERVER
    expect(attribute(request!, 'graphql.operation.name')).toBe('CampaignList');
    expect(attribute(request!, 'graphql.operation.type')).toBe('query');
    expect(attribute(request!, 'http.response.status_code')).toBe(200);
    expect(request!.parentSpanId ?? '').toBe('');

    expect(tracedRootFields()).toContain('Mutation.updateCampaign');
    const trace = received.filter((s) => s.traceId === request!.traceId);
    const resolver = trace.find((s) => s.name === 'resolve Query.campaigns');
    expect(resolver?.parentSpanId).toBe(request!.spanId);

    // Every statement of the request descends from the resolver that sent it.
    const statements = trace.filter((s) => s.name === 'prisma:client:db_query');
    expect(statements.length).toBeGreaterThan(0);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (span: ExportedSpan) => {
      const chain: string[] = [];
      for (let p = span.parentSpanId; p && byId.has(p); p = byId.get(p)!.parentSpanId) chain.push(byId.get(p)!.name);
      return chain;
    };
    for (const statement of statements) expect(ancestors(statement)).toContain('resolve Query.campaigns');
    expect(statements.some((s) => /"Campaign"/.test(String(attribute(s, 'db.query.text'))))).toBe(true);
  });

  it("continues a caller's trace given in traceparent", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    await api.execute('query Programme { programme { nameEn } }', undefined, { traceparent: `00-${traceId}-${parent}-01`, 'x-request-id': 'trace-me-000002' });
    await tracing.flush();
    const request = received.find((s) => attribute(s, 'zonegraph.request_id') === 'trace-me-000002')!;
    expect(request.traceId).toBe(traceId);
    expect(request.parentSpanId).toBe(parent);
  });

  it('traces no other path than /graphql', async () => {
    const before = received.length;
    await createApp({ db: api.db, logger: createLogger('silent'), tracer: tracing.tracer }).fetch('http://zonegraph.test/health');
    await tracing.flush();
    expect(received.slice(before).filter((s) => s.kind === 2)).toEqual([]);
  });
});
