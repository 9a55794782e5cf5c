// Writes every project you may see as CSV, however many pages that takes:
// paginateNodes fetches the next page as the loop asks for it. Queries are
// retried on network errors, 5xx and 429 (with backoff and jitter).
//   pnpm --filter @zonegraph/sdk exec tsx examples/all-projects-csv.ts > projects.csv
import { createClient } from '@zonegraph/sdk';

const client = createClient({
  url: process.env['ZONEGRAPH_URL'] ?? 'http://localhost:4000/graphql',
  apiKey: process.env['ZONEGRAPH_API_KEY'],
  timeoutMs: 10_000,
  retry: { attempts: 3 },
});

const cell = (value: string | null) => (value === null ? '' : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
console.log('code,nameZh,nameEn,stage,campaign');
for await (const p of client.paginateNodes(client.projects, { first: 100, orderBy: { field: 'CODE' } }, (data) => data.projects)) {
  console.log([p.code, p.nameZh, p.nameEn, p.stage, p.campaign?.code ?? null].map(cell).join(','));
}
