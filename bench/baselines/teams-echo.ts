/**
 * Baseline process for the Teams throughput row: the textbook echo bot, botbuilder's stock
 * `CloudAdapter` (`ConfigurationBotFrameworkAuthentication`, no app id: no auth) on a bare
 * `node:http` server, replying a constant text to the activity's `serviceUrl` (the bench's fake
 * connector, on loopback). Stock means botbuilder's own per-turn work, a new connector client and
 * user-token client for every activity included; the real bot's adapter reuses them
 * (`adapters/teams/reused-clients.ts`). The in-process diagnostic row (`teams-throughput.ts`)
 * compares the two bots on the very same adapter. Prints its URL on stdout. Started by
 * `bench/deployed-throughput.ts` with the deployed node flags.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { echoListener } from '../echo-listener';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = createServer(echoListener(adapter));
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
