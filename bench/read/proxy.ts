// A TCP proxy in front of PostgreSQL that counts the statements a server
// sends: each simple Query ('Q') and each Execute ('E') of the extended
// protocol is one statement run. Used only for the counting pass, never for
// throughput.
import { connect, createServer, type Server, type Socket } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export interface CountingProxy {
  port: number;
  statements(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  let statements = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let startup = true;
    let buffered: Buffer = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      // Walk whole messages; a message split across chunks waits for the rest.
      for (;;) {
        if (startup) {
          // Startup-phase messages have no type byte: int32 length, then int32 code.
          if (buffered.length < 8) break;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) break;
          const code = buffered.readInt32BE(4);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
          buffered = buffered.subarray(length);
        } else {
          if (buffered.length < 5) break;
          const length = buffered.readInt32BE(1);
          if (buffered.length < length + 1) break;
          const type = buffered[0];
          if (type === 0x51 /* Q */ || type === 0x45 /* E */) statements += 1;
          buffered = buffered.subarray(length + 1);
        }
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    statements: () => statements,
    reset: () => {
      statements = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
