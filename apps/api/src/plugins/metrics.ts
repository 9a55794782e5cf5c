import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '@zonegraph/db';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { KeyChecks } from '../key-cache.ts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Who may read `/metrics`: nobody (404), anyone who reaches the port, or holders of a bearer token. */
export type MetricsAccess = { mode: 'off' } | { mode: 'open' } | { mode: 'token'; token: string };

export interface MetricsOptions {
  access: MetricsAccess;
  db: Database;
  /** Whether the response cache is on: its hits and misses are then counted. */
  responseCache?: boolean;
  /** The API key checks, whose answers from memory are counted. */
  keyChecks?: Pick<KeyChecks, 'counts'>;
  /** Distinct operation names kept as labels; later ones are counted as `_other` (names are chosen by callers). */
  maxOperationNames?: number;
}

/** What one GraphQL request did, gathered across hooks and recorded when its response leaves. */
interface RequestRecord {
  started: number;
  operation: string;
  kind: string;
  codes: string[];
  cost?: { requested: number; actual: number };
}

const costBuckets = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000];

/**
 * Prometheus metrics at `GET /metrics`: GraphQL requests by operation name,
 * kind and outcome (`ok`, or the first error code: each refusal has its own),
 * their latency, requested and actual cost, every error code, open
 * subscriptions, the database pool and the process. Each app has its own
 * registry, so that apps made by tests do not share counts.
 */
export function useMetrics({ access, db, responseCache = false, keyChecks, maxOperationNames = 500 }: MetricsOptions): Plugin {
  if (access.mode === 'off') return {};
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['operation', 'kind', 'outcome'] as const;
  const requests = new Counter({ name: 'zonegraph_graphql_requests_total', help: 'GraphQL requests by operation name, kind and outcome (ok or the first error code)', labelNames: labels, registers: [registry] });
  const duration = new Histogram({
    name: 'zonegraph_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to its response headers',
    labelNames: labels,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const requestedCost = new Histogram({ name: 'zonegraph_graphql_cost_requested', help: 'Requested cost (upper bound of objects returned) per operation', labelNames: ['operation', 'kind'], buckets: costBuckets, registers: [registry] });
  const actualCost = new Histogram({ name: 'zonegraph_graphql_cost_actual', help: 'Objects actually resolved per operation', labelNames: ['operation', 'kind'], buckets: costBuckets, registers: [registry] });
  const errors = new Counter({
    name: 'zonegraph_graphql_errors_total',
    help: 'GraphQL errors by code; RATE_LIMITED, TOO_MANY_CONCURRENT_REQUESTS and TOO_MANY_SUBSCRIPTIONS are the budget and concurrency refusals',
    labelNames: ['code'],
    registers: [registry],
  });
  const subscriptions = new Gauge({ name: 'zonegraph_subscriptions_open', help: 'Subscriptions (event streams) open on this instance', labelNames: ['operation'], registers: [registry] });
  new Gauge({
    name: 'zonegraph_db_pool_connections',
    help: 'Database connections by state (PGlite: its one connection, always in use)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = db.poolStats();
      this.set({ state: 'in_use' }, stats.inUse);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });

  const cacheLookups = new Counter({
    name: 'zonegraph_response_cache_lookups_total',
    help: 'Queries answered without errors, by whether the response cache held their answer (hit) or they were computed (miss)',
    labelNames: ['result'],
    registers: [registry],
  });
  if (keyChecks) {
    new Counter({
      name: 'zonegraph_key_checks_total',
      help: 'API key checks, by whether the key was known from memory (hit) or read from the database (miss)',
      labelNames: ['result'],
      registers: [registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, keyChecks.counts.hits);
        this.inc({ result: 'miss' }, keyChecks.counts.misses);
      },
    });
  }

  const records = new WeakMap<Request, RequestRecord>();
  const names = new Set<string>();
  const nameOf = (document: DocumentNode, operationName: string | null | undefined) => {
    const operation = getOperationAST(document, operationName);
    const name = operation?.name?.value ?? 'anonymous';
    if (!names.has(name) && names.size >= maxOperationNames) return { name: '_other', kind: operation?.operation ?? 'unknown' };
    names.add(name);
    return { name, kind: operation?.operation ?? 'unknown' };
  };
  const describe = (request: Request | undefined, document: DocumentNode, operationName: string | null | undefined) => {
    const record = request && records.get(request);
    if (!record) return null;
    const { name, kind } = nameOf(document, operationName);
    record.operation = name;
    record.kind = kind;
    return record;
  };

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/metrics') {
        if (request.method !== 'GET') return;
        if (access.mode === 'token' && !bearerMatches(request.headers.get('authorization'), access.token)) {
          endResponse(new fetchAPI.Response('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' } }));
          return;
        }
        return registry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } })));
      }
      if (url.pathname === '/graphql' && request.method !== 'OPTIONS') records.set(request, { started: performance.now(), operation: '', kind: 'unknown', codes: [] });
    },
    onExecute({ args }) {
      describe((args.contextValue as { request?: Request }).request, args.document, args.operationName);
    },
    onSubscribe({ args }) {
      const record = describe((args.contextValue as { request?: Request }).request, args.document, args.operationName);
      const operation = record?.operation ?? 'anonymous';
      return {
        onSubscribeResult({ result }) {
          if (!(Symbol.asyncIterator in result)) return;
          subscriptions.inc({ operation });
          return { onEnd: () => subscriptions.dec({ operation }) };
        },
      };
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (!record || Array.isArray(result) || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) record.codes.push(String((error.extensions as Record<string, unknown> | undefined)?.['code'] ?? 'UNCODED'));
      const cost = result.extensions?.['cost'] as { requested?: unknown; actual?: unknown } | undefined;
      if (typeof cost?.requested === 'number' && typeof cost.actual === 'number') record.cost = { requested: cost.requested, actual: cost.actual };
      if (responseCache && record.kind === 'query' && !result.errors?.length) {
        const hit = (result.extensions?.['responseCache'] as { hit?: unknown } | undefined)?.hit === true;
        cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
      }
    },
    async onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      records.delete(request);
      // Refusals made before yoga parses the request (body too large, CSRF) come as ready responses.
      if (record.codes.length === 0 && response.status >= 400) record.codes.push((await codeOf(response)) ?? `HTTP_${response.status}`);
      const outcome = record.codes[0] ?? 'ok';
      const at = { operation: record.operation, kind: record.kind, outcome };
      requests.inc(at);
      duration.observe(at, (performance.now() - record.started) / 1000);
      for (const code of record.codes) errors.inc({ code });
      if (record.cost) {
        requestedCost.observe({ operation: record.operation, kind: record.kind }, record.cost.requested);
        actualCost.observe({ operation: record.operation, kind: record.kind }, record.cost.actual);
      }
    },
  };
}

async function codeOf(response: Response): Promise<string | null> {
  if (!response.headers.get('content-type')?.includes('json')) return null;
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: unknown } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** Compares digests, so that the time taken says nothing about how much of the token matched. */
function bearerMatches(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
