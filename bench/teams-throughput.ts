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
import { LoadGenerator, loadInRounds, meanLoad, medianRatio, serveOnLoopback, THROUGHPUT_ROUNDS, throughputRow } from './load';
import { devQuestions, repoRoot } from './repo';
import { runIfMain } from './run-alone';

/**
 * Measures, in one run: the echo baseline, the real bot (full answer path, default assistant)
 * and the echo bot replying the same cards; then, in a phase of its own, the echo baseline again
 * and the real bot over an assistant without answer cache. Each phase runs `THROUGHPUT_ROUNDS`:
 * warm-up, then round by round in a different order every round (`loadInRounds`); each ratio is
 * the median of the per-round ratios.
 * Fails when a target answers a non-2xx or the connector did not receive one reply per request.
 */
export async function benchTeams(): Promise<BenchRow[]> {
  const root = repoRoot();
  const questions = devQuestions();
  const knowledgeDir = join(root, 'knowledge');
  const connector = await startConnector();
  const logger = pino({ level: 'warn' });
  const real = createTeamsBot({ assistant: createAssistant({ knowledgeDir }), feedbackStore: new InMemoryFeedbackStore(), logger });
  const uncached = createTeamsBot({
    assistant: createAssistant({ knowledgeDir, cacheSize: 0 }),
    feedbackStore: new InMemoryFeedbackStore(),
    logger,
  });
  const answering = createAssistant({ knowledgeDir });
  const cards = new Map(questions.map((q) => [q, renderTeams(answering.ask(q))]));
  const servers = [
    await serveOnLoopback(echoListener(real.adapter)),
    await serveOnLoopback(real.requestListener),
    await serveOnLoopback(uncached.requestListener),
    await serveOnLoopback(echoListener(real.adapter, cards)),
  ];
  const requests = teamsActivities(questions, connector.url);
  const gen = LoadGenerator.start();
  try {
    const [echoServer, realServer, uncachedServer, echoCardsServer] = servers;
    // The bot without answer cache makes far more garbage than the others, and its collection would
    // land in whichever target runs next: it is compared with the echo bot in a phase of its own.
    const [echo, full, echoCards] = await loadInRounds(
      gen,
      [echoServer.url, realServer.url, echoCardsServer.url],
      requests,
      THROUGHPUT_ROUNDS,
    );
    const [echoAgain, routed] = await loadInRounds(gen, [echoServer.url, uncachedServer.url], requests, THROUGHPUT_ROUNDS);
    const runs = [echo, full, echoCards, echoAgain, routed];
    const sent = runs.flat().reduce((sum, l) => sum + l.requests, 0);
    for (const [name, loads] of [
      ['echo bot', echo],
      ['teams bot', full],
      ['echo bot (cards)', echoCards],
      ['echo bot (second phase)', echoAgain],
      ['teams bot (no answer cache)', routed],
    ] as const) {
      const r = meanLoad(loads);
      if (r.non2xx > 0 || r.errors > 0)
        throw new Error(`benchTeams: ${name} answered ${r.non2xx} non-2xx and ${r.errors} errors per round`);
    }
    const replies = await connector.count();
    if (replies < sent) throw new Error(`benchTeams: the connector received ${replies} replies for ${sent} measured requests`);
    const baselineName = 'echo bot (same CloudAdapter, bare node:http, constant text reply)';
    const [echoMean, fullMean] = [meanLoad(echo), meanLoad(full)];
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
        value: Math.round(fullMean.rps),
        unit: 'req/s',
        baseline: Math.round(meanLoad(echoCards).rps),
        baselineName: 'echo bot replying the precomputed card for each question',
        ratio: Number(medianRatio(full, echoCards).toFixed(3)),
      },
      {
        name: 'teams /api/messages latency p99 (full answer path, 20 connections)',
        value: fullMean.p99,
        unit: 'ms',
        baseline: echoMean.p99,
        baselineName,
        ratio: Number((echoMean.p99 / Math.max(fullMean.p99, 0.001)).toFixed(3)),
      },
    ];
  } finally {
    await gen.close();
    for (const s of servers) await s.close();
    await connector.close();
  }
}

runIfMain(module, benchTeams);
