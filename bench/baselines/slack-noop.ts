/**
 * Baseline process for the Slack throughput row: a no-op Bolt app on Bolt's default
 * `HTTPReceiver` (`POST /slack/events`), acking `/aws` with a constant. Prints its URL on stdout.
 * Env: `SIGNING_SECRET`, `BOT_TOKEN`. Started by `bench/deployed-throughput.ts` with the deployed node flags.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

async function main(): Promise<void> {
  const app = new App({
    signingSecret: process.env.SIGNING_SECRET ?? '',
    token: process.env.BOT_TOKEN,
    botId: 'BBENCH001',
    botUserId: 'UBENCH001',
    logLevel: LogLevel.ERROR,
  });
  app.command('/aws', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: 'ok' });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    void app.stop().then(() => process.exit(0));
  });
}

void main();
