// Renames a project the way an editing tool would: read it with its version,
// send the change with that version, and handle every answer the API can give.
// Needs an editor's key:
//   ZONEGRAPH_API_KEY=… pnpm --filter @zonegraph/sdk exec tsx examples/update-project.ts GZK-2020-P07 "New English name"
import { createClient } from '@zonegraph/sdk';

const [code = 'GZK-2020-P07', nameEn = 'Renamed from the SDK example'] = process.argv.slice(2);
const client = createClient({
  url: process.env['ZONEGRAPH_URL'] ?? 'http://localhost:4000/graphql',
  apiKey: process.env['ZONEGRAPH_API_KEY'],
});

const { project } = await client.project({ code });
if (!project) {
  console.error(`No project ${code} (or you may not see it).`);
  process.exit(1);
}

const { updateProject: payload } = await client.updateProject({ input: { id: project.id, version: project.version, nameEn } });
// The compiler checks this switch: leave a case out and `never` fails to compile.
switch (payload.__typename) {
  case 'UpdateProjectSuccess':
    console.log(`${payload.project.code} is now "${payload.project.nameEn}" (version ${payload.project.version})`);
    break;
  case 'ValidationError':
    for (const issue of payload.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 2;
    break;
  case 'ConflictError':
    console.error(`Someone changed ${code} since it was read (now version ${payload.currentVersion}); read it again and retry.`);
    process.exitCode = 3;
    break;
  case 'NotFoundError':
  case 'ForbiddenError':
    console.error(payload.message);
    process.exitCode = 4;
    break;
  default: {
    const unhandled: never = payload;
    throw new Error(`unexpected answer ${JSON.stringify(unhandled)}`);
  }
}
