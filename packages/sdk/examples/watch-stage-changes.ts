// Prints each project's move to a new stage as it is recorded, over
// server-sent events; reconnects by itself if the API restarts. Stops after
// ZONEGRAPH_EVENTS events (default: never; Ctrl-C).
//   pnpm --filter @zonegraph/sdk exec tsx examples/watch-stage-changes.ts
import { createClient } from '@zonegraph/sdk';

const client = createClient({
  url: process.env['ZONEGRAPH_URL'] ?? 'http://localhost:4000/graphql',
  apiKey: process.env['ZONEGRAPH_API_KEY'],
});
const limit = Number(process.env['ZONEGRAPH_EVENTS'] ?? Infinity);

const moves = client.subscriptions.projectStageChanged(
  { filter: { toStage: ['SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING', 'SUSPENDED', 'NEGOTIATING'] } },
  { onConnected: (reconnected) => console.log(reconnected ? 'reconnected' : 'listening') },
);
let seen = 0;
for await (const { projectStageChanged: move } of moves) {
  console.log(`${move.occurredOn} ${move.project.code} ${move.fromStage ?? '—'} → ${move.toStage}${move.note ? ` (${move.note})` : ''}`);
  if (++seen >= limit) break; // ends the subscription and closes the stream
}
