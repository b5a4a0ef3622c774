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
import { formatProblem, KnowledgeError, type FeedbackStore } from '../../src/index';
import { startStoreRuntime, type StoreRuntime } from '../store/store-runtime';
import { hostPolicy } from '../web/host-check';
import { ConfigError, describeConfig, loadConfig, type ServerConfig } from './config';
import { type AppServer, createAppServer } from './http-server';
import { LiveAssistant } from './live-assistant';
import { createLogger, type Logger, routeConsole } from './logger';
import { type Mounted, mountPlayground, mountSlack, mountTeams } from './platforms';
import { installShutdown } from './shutdown';

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

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_OR_ANY = new Set(['0.0.0.0', '::', ...LOOPBACK]);

/** Starts everything; see the module doc. Rejects with `ConfigError` or {@link StartupError}. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig({ env: options.env, cwd: options.cwd });
  const logger = createLogger({ level: config.logLevel, secrets: config.secrets, destination: options.destination });
  const restoreConsole = (options.captureConsole ?? true) ? routeConsole(logger) : () => undefined;
  logger.info({ config: describeConfig(config), node: process.version }, 'starting');

  let store: StoreRuntime | undefined;
  const live = new LiveAssistant({
    knowledgeDir: config.knowledgeDir,
    logger,
    maxTotalBytes: config.knowledgeMaxBytes,
    onQuestion: (event) => store?.recorder.question(event),
  });
  // Local mode serves this machine only: a request naming another host (DNS rebinding) gets 403.
  const app = createAppServer({
    logger,
    healthDetails: () => (store ? { store: store.health.state } : {}),
    ...(config.local ? { hostAllowed: hostPolicy(config.publicHost) } : {}),
  });
  if (config.local && !LOOPBACK.has(config.host)) {
    logger.warn(
      { host: config.host },
      `LOCAL MODE ON A NON-LOOPBACK INTERFACE (${config.host}, LOCAL_ALLOW_REMOTE): the Teams endpoint has NO authentication and the playground is open to anyone who can reach this port`,
    );
  }
  let address: AddressInfo;
  try {
    address = await app.listen(config.port, config.host);
  } catch (error) {
    logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
    restoreConsole();
    throw new StartupError(`cannot listen on ${config.host}:${config.port}`);
  }
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const baseUrl = LOOPBACK_OR_ANY.has(config.host) ? `http://localhost:${address.port}` : url;
  logger.info({ url }, `listening on ${url} (GET /healthz is 503 until the knowledge base is loaded)`);

  const mounted: Mounted[] = [];
  const fail = async (message: string): Promise<never> => {
    await app.close(1000);
    live.close();
    await store?.close(1000);
    restoreConsole();
    throw new StartupError(message);
  };
  await new Promise<void>((resolve) => setImmediate(resolve)); // let /healthz answer 503 before the load
  try {
    store = await startStoreRuntime({ config: config.store, logger });
  } catch (error) {
    logger.fatal({ err: error }, `${(error as Error).message}; not starting`);
    return fail('store unavailable');
  }
  const feedbackStore = store.recorder;
  try {
    await live.load();
  } catch (error) {
    if (error instanceof KnowledgeError) {
      for (const p of error.problems) logger.fatal({ file: p.file, line: p.line }, `knowledge: ${formatProblem(p)}`);
      logger.fatal(
        { dir: config.knowledgeDir, problems: error.problems.length },
        'the knowledge base is invalid (run npx aws-qa check); not starting',
      );
    } else {
      logger.fatal({ err: error }, 'cannot load the knowledge base; not starting');
    }
    return fail('invalid knowledge base');
  }
  try {
    const ctx = { config, app, live, feedbackStore, slackDedupe: store.slackDedupe, logger, baseUrl };
    mounted.push(await mountTeams(ctx), await mountSlack(ctx), await mountPlayground(ctx));
  } catch (error) {
    logger.fatal({ err: error }, 'cannot start a platform adapter; not starting');
    for (const m of mounted) await m.stop?.().catch(() => undefined);
    return fail('platform adapter failed to start');
  }
  if (config.knowledgeWatch) live.watch();
  app.ready();

  const served = [
    ...mounted.flatMap((m) => m.lines),
    `health: GET ${baseUrl}/healthz`,
    'cli: npx aws-qa ask "SLA for EKS" (answers from the same knowledge base, no server needed)',
  ];
  for (const line of served) logger.info(line);
  if (!options.destination && process.stderr.isTTY) {
    // A person at a terminal also gets the summary without JSON around it (stdout stays JSON only).
    process.stderr.write(`\naws-qa server ready on ${baseUrl}\n${served.map((l) => `  ${l}`).join('\n')}\n\n`);
  }
  const stats = live.current().stats();
  logger.info(
    { url, local: config.local, entries: stats.entries, startupMs: Math.round(process.uptime() * 1000) },
    `ready: serving on ${baseUrl}`,
  );

  let stopping: Promise<boolean> | undefined;
  const stop = (reason = 'stop'): Promise<boolean> => {
    stopping ??= (async () => {
      live.close();
      const clean = await app.close(config.shutdownTimeoutMs, config.shutdownDelayMs);
      for (const m of mounted) await m.stop?.().catch((error: unknown) => logger.warn({ err: error }, 'platform stop failed'));
      await store?.close(2000);
      logger.info({ reason }, 'server closed');
      restoreConsole();
      return clean;
    })();
    return stopping;
  };

  if (options.signals ?? true) {
    installShutdown({ logger, stop, exit: options.exit, deadlineMs: config.shutdownDelayMs + config.shutdownTimeoutMs + 1500 });
    process.on('SIGHUP', () => {
      logger.info('SIGHUP: reloading the knowledge base');
      void live.reload('SIGHUP');
    });
    process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection (still serving)'));
    process.on('uncaughtException', (error) => {
      logger.fatal({ err: error }, 'uncaught exception; exiting');
      (options.exit ?? process.exit)(1);
    });
  }
  return { config, logger, live, app, feedbackStore, store, url, served, stop };
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
