/**
 * Teams throughput: Bot Framework activities per second POSTed to `/api/messages` through the
 * real Teams adapter (`createTeamsBot().requestListener` on a bare `node:http` server: body
 * checks, the real `CloudAdapter`, the bot with the real assistant over `knowledge/`, the Adaptive
 * Card renderer, the reply POSTed to the connector) against a no-op echo bot (the same
 * `CloudAdapter` instance behind a bare `node:http` server that parses the body and replies a
 * constant text), both replying to the same fake connector, measured in the same run with
 * autocannon (20 connections, loopback, in a worker thread: `load.ts`). The real bot is measured twice: as deployed (the
 * assistant's default answer cache, so a repeated question is not routed again, and the bot's
 * memo of cards for those shared answers, so it is not rendered again either) and with the
 * assistant's cache off (`cacheSize: 0`: every request routes its question and renders its card),
 * which shows what answering costs when no question repeats. A fourth target, the echo bot
 * replying the very cards the real bot sends (precomputed), separates the cost of carrying a
 * 2–13 KB card through botbuilder's connector client from the Teams adapter's own work.
 *
 * The fake connector runs in a worker thread, so its work does not share the bots' event loop
 * (in production the connector is a remote service). Requests are personal-chat messages cycling
 * through the dev eval questions, with `serviceUrl` on loopback (local mode: no tokens).
 *
 * Run alone: `npm run build && node dist/bench/teams-throughput.js`.
 */
import { join } from 'node:path';
import pino from 'pino';
import { createTeamsBot } from '../adapters/teams/create-teams-bot';
import { renderTeams } from '../adapters/teams/render';
import { createAssistant, InMemoryFeedbackStore } from '../src/index';
import type { BenchRow } from './bench-row';
import { echoListener } from './echo-listener';
import { startConnector } from './fake-connector';
import { teamsActivities } from './requests';
import {
  assertAllAnswered,
  latencyRow,
  type Load,
  LoadGenerator,
  loadInRounds,
  meanLoad,
  medianRatio,
  serveOnLoopback,
  THROUGHPUT_ROUNDS,
  throughputRow,
} from './load';
import { devQuestions, repoRoot } from './repo';
import { runIfMain } from './run-alone';

type Served = Awaited<ReturnType<typeof serveOnLoopback>>;

/**
 * The four targets, each on its own loopback server: the echo bot, the real bot (the assistant's
 * default answer cache), the real bot over an assistant without answer cache, and the echo bot
 * replying the real bot's precomputed card for each question.
 */
async function startTargets(questions: string[]): Promise<{ echo: Served; real: Served; uncached: Served; echoCards: Served }> {
  const knowledgeDir = join(repoRoot(), 'knowledge');
  const logger = pino({ level: 'warn' });
  const bot = (cacheSize?: number) =>
    createTeamsBot({
      assistant: createAssistant({ knowledgeDir, ...(cacheSize === undefined ? {} : { cacheSize }) }),
      feedbackStore: new InMemoryFeedbackStore(),
      logger,
    });
  const real = bot();
  const uncached = bot(0);
  const answering = createAssistant({ knowledgeDir });
  const cards = new Map(questions.map((q) => [q, renderTeams(answering.ask(q))]));
  return {
    echo: await serveOnLoopback(echoListener(real.adapter)),
    real: await serveOnLoopback(real.requestListener),
    uncached: await serveOnLoopback(uncached.requestListener),
    echoCards: await serveOnLoopback(echoListener(real.adapter, cards)),
  };
}

/**
 * Measures, in one run: the echo baseline, the real bot (full answer path, default assistant)
 * and the echo bot replying the same cards; then, in a phase of its own, the echo baseline again
 * and the real bot over an assistant without answer cache. Each phase runs `THROUGHPUT_ROUNDS`:
 * warm-up, then round by round in a different order every round (`loadInRounds`); each ratio is
 * the median of the per-round ratios.
 * Fails when a target answers a non-2xx or the connector did not receive one reply per request.
 */
export async function benchTeams(): Promise<BenchRow[]> {
  const questions = devQuestions();
  const connector = await startConnector();
  const targets = await startTargets(questions);
  const requests = teamsActivities(questions, connector.url);
  const gen = LoadGenerator.start();
  try {
    // The bot without answer cache makes far more garbage than the others, and its collection would
    // land in whichever target runs next: it is compared with the echo bot in a phase of its own.
    const [echo, full, echoCards] = await loadInRounds(
      gen,
      [targets.echo.url, targets.real.url, targets.echoCards.url],
      requests,
      THROUGHPUT_ROUNDS,
    );
    const [echoAgain, routed] = await loadInRounds(gen, [targets.echo.url, targets.uncached.url], requests, THROUGHPUT_ROUNDS);
    assertAllAnswered('benchTeams', [
      ['echo bot', echo],
      ['teams bot', full],
      ['echo bot (cards)', echoCards],
      ['echo bot (second phase)', echoAgain],
      ['teams bot (no answer cache)', routed],
    ]);
    const sent = [echo, full, echoCards, echoAgain, routed].flat().reduce((sum, l) => sum + l.requests, 0);
    const replies = await connector.count();
    if (replies < sent) throw new Error(`benchTeams: the connector received ${replies} replies for ${sent} measured requests`);
    return teamsRows({ echo, full, echoCards, echoAgain, routed });
  } finally {
    await gen.close();
    for (const s of [targets.echo, targets.real, targets.uncached, targets.echoCards]) await s.close();
    await connector.close();
  }
}

/** The rows: throughput as deployed and with the answer cache off (each against the echo bot), the adapter layer alone, p99 latency. */
function teamsRows(loads: Record<'echo' | 'full' | 'echoCards' | 'echoAgain' | 'routed', Load[]>): BenchRow[] {
  const { echo, full, echoCards, echoAgain, routed } = loads;
  const baselineName = 'echo bot (same CloudAdapter, bare node:http, constant text reply)';
  return [
    throughputRow(
      'teams /api/messages throughput (full answer path as deployed: answer cache, Adaptive Card reply)',
      full,
      echo,
      baselineName,
    ),
    // Diagnostic: what answering costs when no question repeats (the deployed bot caches answers).
    throughputRow(
      'teams /api/messages throughput, answer cache off (every question routed and rendered; a phase of its own; informational)',
      routed,
      echoAgain,
      baselineName,
      true,
    ),
    {
      name: 'teams adapter layer: full answer path vs an echo bot replying the same cards (card transport excluded)',
      value: Math.round(meanLoad(full).rps),
      unit: 'req/s',
      baseline: Math.round(meanLoad(echoCards).rps),
      baselineName: 'echo bot replying the precomputed card for each question',
      ratio: Number(medianRatio(full, echoCards).toFixed(3)),
    },
    latencyRow('teams /api/messages latency p99 (full answer path, 20 connections)', full, echo, baselineName),
  ];
}

runIfMain(module, benchTeams);
