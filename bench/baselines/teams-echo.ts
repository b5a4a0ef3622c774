/**
 * Baseline process for the Teams throughput row: an echo bot on a bare `node:http` server and the
 * same `CloudAdapter` the real bot uses (`createTeamsAdapter`, no app id: no auth), replying a
 * constant text to the activity's `serviceUrl` (the bench's fake connector, on loopback). Prints
 * its URL on stdout. Started by `bench/deployed-throughput.ts` with the deployed node flags.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createTeamsAdapter } from '../../adapters/teams/adapter';
import { echoListener } from '../echo-listener';

const adapter = createTeamsAdapter({ logger: pino({ level: 'silent' }) });
const server = createServer(echoListener(adapter));
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
