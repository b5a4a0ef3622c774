/**
 * The composition root: `npm start` runs `node dist/adapters/server/main.js`.
 *
 * 1. Configuration from the environment and `.env` ({@link loadConfig}); an invalid one is printed
 *    to stderr (every problem, no secret) and the process exits 1 before anything listens.
 * 2. The server listens at once (`/healthz` 503 while the knowledge base loads), then the
 *    knowledge base loads (invalid: every `file:line` problem is logged, exit 1), the platforms
 *    are mounted, `/healthz` turns 200 and the log says what is served where.
 * 3. Knowledge reloads on file changes (`KNOWLEDGE_WATCH`) and on SIGHUP; SIGTERM/SIGINT shut down
 *    gracefully (see `shutdown.ts`).
 *
 * `startServer` is also the in-process entry for tests: pass `env`, a log `destination` and
 * `signals: false`, and call `stop()` when done.
 */
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { formatProblem, KnowledgeError, type FeedbackStore, type ReportQuery } from '../../src/index';
import { startStoreRuntime, type StoreRuntime } from '../store/store-runtime';
import { hostPolicy } from '../web/host-check';
import { isAnyAddress, isLoopbackHostname } from '../shared/loopback';
import { ConfigError, describeConfig, loadConfig, type ServerConfig } from './config';
import { type AppServer, createAppServer } from './http-server';
import { LiveAssistant } from './live-assistant';
import { createLogger, type Logger, routeConsole } from './logger';
import { type Mounted, mountPlayground, mountSlack, mountTeams } from './platforms';
import { installShutdown } from './shutdown';
import type { Conversations } from './conversations';
import { startConversations } from './start-conversations';

export interface StartOptions {
  /** Environment; default `process.env` (plus `.env` in `cwd`). */
  env?: Record<string, string | undefined>;
  /** Working directory for `.env` and a relative `KNOWLEDGE_DIR`; default `process.cwd()`. */
  cwd?: string;
  /** Where log lines go; default stdout. */
  destination?: DestinationStream;
  /**
   * Install the process handlers: SIGTERM/SIGINT (shutdown), SIGHUP (reload), an unhandled promise
   * rejection (logged, the server keeps running) and an uncaught exception (logged fatal, exit 1:
   * the state can no longer be trusted; the orchestrator restarts). Default true.
   */
  signals?: boolean;
  /** Process exit, used after a signal-initiated shutdown. Default `process.exit`. */
  exit?: (code: number) => void;
  /** Route `console.*` into the logger (see `routeConsole`). Default true. */
  captureConsole?: boolean;
}

export interface RunningServer {
  config: ServerConfig;
  logger: Logger;
  live: LiveAssistant;
  app: AppServer;
  /** Where votes go: the store's recorder. */
  feedbackStore: FeedbackStore;
  /** The store (questions, votes, de-duplication), its buffer and health. */
  store: StoreRuntime;
  /** Where follow-ups find their conversation's earlier turns. */
  conversations: Conversations;
  /** `http://HOST:PORT` as bound (the real port when `PORT=0`). */
  url: string;
  /** What the startup log listed, one line per thing served. */
  served: string[];
  /** Graceful stop without exiting: resolves `true` when every in-flight request finished. */
  stop(reason?: string): Promise<boolean>;
}

/** Thrown when startup failed after the logger existed (the reason is already logged). */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Starts everything; see the module doc. Rejects with `ConfigError` or {@link StartupError}. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig({ env: options.env, cwd: options.cwd });
  const logger = createLogger({ level: config.logLevel, secrets: config.secrets, destination: options.destination });
  const restoreConsole = (options.captureConsole ?? true) ? routeConsole(logger) : () => undefined;
  logger.info({ config: describeConfig(config), node: process.version }, 'starting');

  const storeRef: { current?: StoreRuntime } = {};
  const platformHealth: (() => Record<string, unknown>)[] = [];
  const live = new LiveAssistant({
    knowledgeDir: config.knowledgeDir,
    logger,
    maxTotalBytes: config.knowledgeMaxBytes,
    onQuestion: (event) => storeRef.current?.recorder.question(event),
  });
  // Local mode serves this machine only: a request naming another host (DNS rebinding) gets 403.
  const app = createAppServer({
    logger,
    healthDetails: () =>
      Object.assign(
        live.generation > 0 ? { knowledge: live.current().stats().version } : {},
        storeRef.current ? { store: storeRef.current.health.state } : {},
        ...platformHealth.map((details) => details()),
      ),
    ...(config.local ? { hostAllowed: hostPolicy(config.publicHost) } : {}),
  });
  warnIfOpenBeyondLoopback(config, logger);
  const { url, baseUrl } = await listen(app, config, logger, restoreConsole);

  const { store, conversations, mounted } = await bringUp({ config, logger, app, live, baseUrl, restoreConsole, storeRef });
  for (const m of mounted) if (m.health) platformHealth.push(m.health);
  if (config.knowledgeWatch) live.watch();
  app.ready();
  const served = announce({ config, logger, live, mounted, url, baseUrl, toTerminal: !options.destination && process.stderr.isTTY });

  const stop = stopper({ config, logger, live, app, mounted, store, conversations, restoreConsole });
  if (options.signals ?? true) installProcessHandlers({ config, logger, live, stop, exit: options.exit });
  return { config, logger, live, app, feedbackStore: store.recorder, store, conversations, url, served, stop };
}

/** Local mode (no authentication) bound beyond loopback (`LOCAL_ALLOW_REMOTE`): a loud warning. */
function warnIfOpenBeyondLoopback(config: ServerConfig, logger: Logger): void {
  if (!config.local || isLoopbackHostname(config.host)) return;
  logger.warn(
    { host: config.host },
    `LOCAL MODE ON A NON-LOOPBACK INTERFACE (${config.host}, LOCAL_ALLOW_REMOTE): the Teams endpoint has NO authentication and the playground is open to anyone who can reach this port`,
  );
}

/**
 * Listens on the configured address: `url` as bound, and `baseUrl` as the log lines show it
 * (`http://localhost:PORT` for a loopback or any-address bind). Throws a {@link StartupError}
 * (logged, the console given back) when the address cannot be bound.
 */
async function listen(
  app: AppServer,
  config: ServerConfig,
  logger: Logger,
  restoreConsole: () => void,
): Promise<{ url: string; baseUrl: string }> {
  let address: AddressInfo;
  try {
    address = await app.listen(config.port, config.host);
  } catch (error) {
    logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
    restoreConsole();
    throw new StartupError(`cannot listen on ${config.host}:${config.port}`);
  }
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const baseUrl = isLoopbackHostname(config.host) || isAnyAddress(config.host) ? `http://localhost:${address.port}` : url;
  logger.info({ url }, `listening on ${url} (GET /healthz is 503 until the knowledge base is loaded)`);
  return { url, baseUrl };
}

interface BringUpContext {
  config: ServerConfig;
  logger: Logger;
  app: AppServer;
  live: LiveAssistant;
  baseUrl: string;
  restoreConsole: () => void;
  /** Set as soon as the store runs (the assistant records questions into it from then on). */
  storeRef: { current?: StoreRuntime };
}

/**
 * After the server listens (and `/healthz` answered 503 once): the store, then the knowledge
 * base, then the platforms. On any failure the reason is logged fatal, whatever started is
 * closed, and a {@link StartupError} thrown.
 */
async function bringUp(ctx: BringUpContext): Promise<{ store: StoreRuntime; conversations: Conversations; mounted: Mounted[] }> {
  const { config, logger, app, live } = ctx;
  const fail = async (message: string): Promise<never> => {
    await app.close(1000);
    live.close();
    await ctx.storeRef.current?.close(1000);
    ctx.restoreConsole();
    throw new StartupError(message);
  };
  await new Promise<void>((resolve) => setImmediate(resolve)); // let /healthz answer 503 before the load
  let store: StoreRuntime;
  let conversations: Conversations;
  try {
    store = await startStoreRuntime({ config: config.store, logger });
    ctx.storeRef.current = store;
    conversations = await startConversations(config, store, logger);
  } catch (error) {
    logger.fatal({ err: error }, `${(error as Error).message}; not starting`);
    return fail('store unavailable');
  }
  try {
    await live.load();
  } catch (error) {
    logKnowledgeFailure(error, config.knowledgeDir, logger);
    return fail('invalid knowledge base');
  }
  const mounted: Mounted[] = [];
  try {
    const ctxMount = {
      config,
      app,
      live,
      feedbackStore: store.recorder,
      slackDedupe: store.slackDedupe,
      escalations: store.escalations,
      report: (query: ReportQuery) => store.store.report(query),
      logger,
      baseUrl: ctx.baseUrl,
      conversations,
    };
    mounted.push(await mountTeams(ctxMount), await mountSlack(ctxMount), await mountPlayground(ctxMount));
  } catch (error) {
    logger.fatal({ err: error }, 'cannot start a platform adapter; not starting');
    for (const m of mounted) await m.stop?.().catch(() => undefined);
    return fail('platform adapter failed to start');
  }
  return { store, conversations, mounted };
}

/** Why the knowledge base did not load: every `file:line` problem of an invalid one, else the error. */
function logKnowledgeFailure(error: unknown, knowledgeDir: string, logger: Logger): void {
  if (!(error instanceof KnowledgeError)) {
    logger.fatal({ err: error }, 'cannot load the knowledge base; not starting');
    return;
  }
  for (const p of error.problems) logger.fatal({ file: p.file, line: p.line }, `knowledge: ${formatProblem(p)}`);
  logger.fatal(
    { dir: knowledgeDir, problems: error.problems.length },
    'the knowledge base is invalid (run npx aws-qa check); not starting',
  );
}

/**
 * Logs what is served where (one line each, returned), then `ready`; with `toTerminal` the same
 * summary also goes to stderr without JSON around it (stdout stays JSON only).
 */
function announce(ctx: {
  config: ServerConfig;
  logger: Logger;
  live: LiveAssistant;
  mounted: Mounted[];
  url: string;
  baseUrl: string;
  toTerminal: boolean;
}): string[] {
  const { logger, baseUrl } = ctx;
  const served = [
    ...ctx.mounted.flatMap((m) => m.lines),
    `health: GET ${baseUrl}/healthz`,
    'cli: npx aws-qa ask "SLA for EKS" (answers from the same knowledge base, no server needed)',
  ];
  for (const line of served) logger.info(line);
  if (ctx.toTerminal) process.stderr.write(`\naws-qa server ready on ${baseUrl}\n${served.map((l) => `  ${l}`).join('\n')}\n\n`);
  const stats = ctx.live.current().stats();
  logger.info(
    { url: ctx.url, local: ctx.config.local, entries: stats.entries, startupMs: Math.round(process.uptime() * 1000) },
    `ready: serving on ${baseUrl}`,
  );
  return served;
}

/**
 * The graceful stop, run once however often it is called: stop watching, drain the server
 * (`SHUTDOWN_DELAY_MS`, then up to `SHUTDOWN_TIMEOUT_MS`), stop the platforms, flush and close the
 * store. Resolves `true` when every in-flight request finished.
 */
function stopper(ctx: {
  config: ServerConfig;
  logger: Logger;
  live: LiveAssistant;
  app: AppServer;
  mounted: Mounted[];
  store: StoreRuntime;
  conversations: Conversations;
  restoreConsole: () => void;
}): (reason?: string) => Promise<boolean> {
  const { config, logger } = ctx;
  let stopping: Promise<boolean> | undefined;
  return (reason = 'stop') => {
    stopping ??= (async () => {
      ctx.live.close();
      const clean = await ctx.app.close(config.shutdownTimeoutMs, config.shutdownDelayMs);
      for (const m of ctx.mounted) await m.stop?.().catch((error: unknown) => logger.warn({ err: error }, 'platform stop failed'));
      await ctx.conversations.close(1000);
      await ctx.store.close(2000);
      logger.info({ reason }, 'server closed');
      ctx.restoreConsole();
      return clean;
    })();
    return stopping;
  };
}

/** The process handlers of {@link StartOptions.signals}: shutdown on SIGTERM/SIGINT, reload on SIGHUP, and the last-resort error handlers. */
function installProcessHandlers(ctx: {
  config: ServerConfig;
  logger: Logger;
  live: LiveAssistant;
  stop: (reason?: string) => Promise<boolean>;
  exit?: (code: number) => void;
}): void {
  const { config, logger, live } = ctx;
  installShutdown({ logger, stop: ctx.stop, exit: ctx.exit, deadlineMs: config.shutdownDelayMs + config.shutdownTimeoutMs + 1500 });
  process.on('SIGHUP', () => {
    logger.info('SIGHUP: reloading the knowledge base');
    void live.reload('SIGHUP');
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection (still serving)'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    (ctx.exit ?? process.exit)(1);
  });
}

/** The process entry: starts, or prints why not and exits 1. */
export async function main(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`aws-qa server: ${error.message}\n(see docs/deploy.md for every variable)\n`);
    else if (!(error instanceof StartupError)) process.stderr.write(`aws-qa server: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
