/**
 * Slack throughput: signed `/aws` slash commands per second through the real app (Bolt's
 * `HTTPReceiver` behind `createSlackApp().requestListener` on a bare `node:http` server, the full
 * answer path: signature check, the app's listeners, the real assistant over `knowledge/`, Block
 * Kit rendering, the answer as the ack body) against a no-op Bolt app (Bolt's default
 * `HTTPReceiver`, a `/aws` handler that acks a constant), measured in the same run with
 * autocannon (20 connections, loopback, in a worker thread: `load.ts`). The requests cycle through the dev questions, each body
 * signed once at start (timestamps stay valid for 5 minutes; the run takes well under that).
 *
 * Run alone: `npm run build && node dist/bench/slack-throughput.js`.
 */
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { createSlackApp } from '../adapters/slack/app';
import { type Answer, type Assistant, createAssistant, InMemoryFeedbackStore } from '../src/index';
import type { BenchRow } from './bench-row';
import { signedSlashCommands } from './requests';
import { assertAllAnswered, latencyRow, LoadGenerator, loadInRounds, serveOnLoopback, THROUGHPUT_ROUNDS, throughputRow } from './load';
import { devQuestions, repoRoot } from './repo';
import { runIfMain } from './run-alone';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-bench-0000-token';
const IDS = { botId: 'BBENCH001', botUserId: 'UBENCH001' };

/** The real app on a bare node:http server, answering with `assistant`. */
async function startReal(assistant: Pick<Assistant, 'ask'>): Promise<{ url: string; close: () => Promise<void> }> {
  const slack = createSlackApp({
    signingSecret: SECRET,
    botToken: TOKEN,
    ...IDS,
    apiUrl: 'http://127.0.0.1:9/api/',
    assistant,
    feedbackStore: new InMemoryFeedbackStore(),
    logger: pino({ level: 'warn' }),
  });
  await slack.start();
  return serveOnLoopback(slack.requestListener as RequestListener);
}

/** The baseline: a no-op Bolt app on its default HTTPReceiver, acking a constant. */
async function startNoop(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new App({ signingSecret: SECRET, token: TOKEN, ...IDS, logLevel: LogLevel.ERROR });
  app.command('/aws', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: 'ok' });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

/**
 * A stand-in for the engine that returns answers the real assistant computed beforehand, so the
 * Slack layer's own cost (receiver, middleware, rendering, serialization) can be told apart from
 * the engine's.
 */
function precomputed(assistant: Assistant, questions: string[]): Pick<Assistant, 'ask'> {
  const answers = new Map<string, Answer>(questions.map((q) => [q, assistant.ask(q)]));
  return { ask: (q) => answers.get(q) ?? assistant.ask(q) };
}

/**
 * Measures, in one run: the no-op baseline, the real app (full answer path) and the real app with
 * precomputed answers (engine excluded), with `THROUGHPUT_ROUNDS`: each is warmed up, then loaded
 * round by round, in a different order every round (`loadInRounds`); each ratio is the median of
 * the per-round ratios.
 */
export async function benchSlack(): Promise<BenchRow[]> {
  const root = repoRoot();
  const questions = devQuestions();
  const requests = signedSlashCommands(questions, SECRET);
  const assistant = createAssistant({ knowledgeDir: join(root, 'knowledge') });
  const noop = await startNoop();
  const real = await startReal(assistant);
  const layer = await startReal(precomputed(assistant, questions));
  const gen = LoadGenerator.start();
  try {
    const runs = await loadInRounds(gen, [noop.url, real.url, layer.url], requests, THROUGHPUT_ROUNDS);
    const [before, full, slackOnly] = runs;
    assertAllAnswered('benchSlack', [
      ['no-op app', before],
      ['slack app', full],
      ['slack app (precomputed)', slackOnly],
    ]);
    const baselineName = 'no-op Bolt app (default HTTPReceiver, acks a constant)';
    return [
      throughputRow('slack /aws throughput (signed, full answer path)', full, before, baselineName),
      throughputRow('slack /aws throughput, engine excluded (precomputed answers)', slackOnly, before, baselineName),
      latencyRow('slack /aws latency p99 (full answer path, 20 connections)', full, before, baselineName),
    ];
  } finally {
    await gen.close();
    await layer.close();
    await real.close();
    await noop.close();
  }
}

runIfMain(module, benchSlack);
