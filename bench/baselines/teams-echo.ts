/**
 * Baseline process for the Teams throughput row: an echo bot on a bare `node:http` server and the
 * same `CloudAdapter` the real bot uses (`createTeamsAdapter`, no app id: no auth), replying a
 * constant text to the activity's `serviceUrl` (the bench's fake connector, on loopback). Prints
 * its URL on stdout. Started by `bench/deployed-throughput.ts` with the deployed node flags.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import pino from 'pino';
import { createTeamsAdapter } from '../../adapters/teams/adapter';

const adapter = createTeamsAdapter({ logger: pino({ level: 'silent' }) });
const echo = new ActivityHandler();
echo.onMessage(async (context, next) => {
  await context.sendActivity('ok');
  await next();
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const shim = {
      socket: req.socket,
      status: (code: number) => {
        res.statusCode = code;
      },
      header: (name: string, value: unknown) => {
        res.setHeader(name, String(value));
      },
      send: (payload: unknown) => {
        res.write(typeof payload === 'string' ? payload : JSON.stringify(payload));
      },
      end: () => {
        res.end();
      },
    };
    adapter
      .process({ body, headers: req.headers, method: req.method }, shim, (context) => echo.run(context))
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
