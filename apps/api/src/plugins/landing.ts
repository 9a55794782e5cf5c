import { printSchema, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface LandingOptions {
  /** GraphiQL is served at /graphql to browsers. */
  graphiql: boolean;
  /** The dashboard is served at /dashboard/. */
  dashboard: boolean;
  /** The schema may be read (introspection on): its text with every description is served at /schema.graphql. */
  schema: GraphQLSchema | null;
}

// Only what this page carries itself: no script, no request to any host.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `
  body { font: 16px/1.5 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1f2937; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  p.lead { color: #4b5563; margin-top: 0; }
  ul { list-style: none; padding: 0; }
  li { margin: .75rem 0; padding: .75rem 1rem; border: 1px solid #e5e7eb; border-radius: .5rem; }
  a { font-weight: 600; color: #1d4ed8; }
  small { display: block; color: #6b7280; }
  code { background: #f3f4f6; padding: 0 .25rem; border-radius: .25rem; }`;

/** The links the page offers, in order; each only when the server serves it. */
export function landingLinks({ graphiql, dashboard, schema }: LandingOptions): { href: string; title: string; text: string }[] {
  return [
    ...(dashboard ? [{ href: '/dashboard/', title: '看板 Dashboard', text: 'The programme at a glance: campaigns, pipeline, investment, cadence, risks and projects.' }] : []),
    ...(graphiql
      ? [{ href: '/graphql', title: 'GraphiQL', text: 'Run queries in the browser, with example tabs; its documentation pane describes every type and field.' }]
      : []),
    ...(schema ? [{ href: '/schema.graphql', title: 'Schema reference', text: 'The whole GraphQL schema as text, with every description.' }] : []),
    { href: '/health', title: 'Health', text: 'Whether the API reaches its database (JSON; 503 when it does not).' },
  ];
}

/**
 * `GET /`: a small page pointing a person who opens the server's address at
 * what it serves, instead of a bare 404. `GET /schema.graphql`: the printed
 * schema, only while introspection is allowed (it tells exactly as much).
 */
export function useLandingPage(options: LandingOptions): Plugin {
  const links = landingLinks(options);
  const page = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zonegraph</title>
<style>${STYLE}</style>
</head>
<body>
<h1>zonegraph</h1>
<p class="lead">古镇口融合区 programme tracker — the GraphQL API is at <code>/graphql</code>.</p>
<ul>
${links.map((l) => `<li><a href="${l.href}">${l.title}</a><small>${l.text}</small></li>`).join('\n')}
</ul>
</body>
</html>
`;
  const sdl = options.schema ? `${printSchema(options.schema)}\n` : null;

  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      const isPage = url.pathname === '/' || url.pathname === '/index.html';
      const isSchema = url.pathname === '/schema.graphql' && sdl !== null;
      if (!isPage && !isSchema) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const body = request.method === 'HEAD' ? null : isPage ? page : sdl;
      const headers: Record<string, string> = isPage
        ? { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'same-origin' }
        : { 'content-type': 'text/plain; charset=utf-8' };
      endResponse(new fetchAPI.Response(body, { status: 200, headers: { ...headers, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } }));
    },
  };
}
