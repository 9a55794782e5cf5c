import { context, propagation, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { defaultFieldResolver, getOperationAST, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestIdOf } from './request-id.ts';

/**
 * A span per GraphQL request (named `query CampaignList`, with the operation's
 * name and kind and the request id; continuing a caller's `traceparent`), and
 * one per root field resolver — the resolvers that read and write the
 * database, so that Prisma's statement spans hang under the field that sent
 * them. Added to the app only when tracing is on: off, nothing is wrapped.
 */
export function useTracing(tracer: Tracer, schema: GraphQLSchema): Plugin {
  traceRootResolvers(schema, tracer);
  const spans = new WeakMap<Request, Span>();
  const name = (request: Request | undefined, document: Parameters<typeof getOperationAST>[0], operationName?: string | null) => {
    const span = request && spans.get(request);
    if (!span) return;
    const operation = getOperationAST(document, operationName);
    const kind = operation?.operation ?? 'unknown';
    const opName = operation?.name?.value;
    span.updateName(opName ? `${kind} ${opName}` : kind);
    span.setAttributes({ 'graphql.operation.type': kind, ...(opName ? { 'graphql.operation.name': opName } : {}) });
  };

  return {
    instrumentation: {
      request({ request }, wrapped) {
        if (new URL(request.url).pathname !== '/graphql') return wrapped();
        const parent = propagation.extract(context.active(), request.headers, { get: (h, key) => h.get(key) ?? undefined, keys: (h) => [...h.keys()] });
        const span = tracer.startSpan(
          `${request.method} /graphql`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': '/graphql', 'zonegraph.request_id': requestIdOf(request) } },
          parent,
        );
        spans.set(request, span);
        return context.with(trace.setSpan(parent, span), wrapped);
      },
    },
    onExecute({ args }) {
      name((args.contextValue as { request?: Request }).request, args.document, args.operationName);
    },
    onSubscribe({ args }) {
      name((args.contextValue as { request?: Request }).request, args.document, args.operationName);
    },
    onResponse({ request, response }) {
      const span = spans.get(request);
      if (!span) return;
      spans.delete(request);
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

const traced = new WeakSet<GraphQLSchema>();
/** Marks a resolver wrapped for tracing, so that one can tell whether tracing touched a schema. */
export const TRACED = Symbol.for('zonegraph.traced');

/** Wraps the root fields' resolvers of the shared schema once, in place. */
function traceRootResolvers(schema: GraphQLSchema, tracer: Tracer) {
  if (traced.has(schema)) return;
  traced.add(schema);
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const spanName = `resolve ${root.name}.${field.name}`;
      field.resolve = (source, args, ctx, info) =>
        tracer.startActiveSpan(spanName, { attributes: { 'graphql.field.name': field.name, 'graphql.field.path': String(info.path.key) } }, (span) => {
          const fail = (error: unknown) => {
            span.recordException(error instanceof Error ? error : String(error));
            span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            throw error;
          };
          try {
            const result = resolve(source, args, ctx, info);
            if (result instanceof Promise) {
              return result.then((value) => {
                span.end();
                return value;
              }, fail);
            }
            span.end();
            return result;
          } catch (error) {
            return fail(error);
          }
        });
      Object.defineProperty(field.resolve, TRACED, { value: true });
    }
  }
}
