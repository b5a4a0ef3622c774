/**
 * The Slack app: Bolt wired to the answer engine. A factory with explicit options (it never reads
 * `process.env`): the server's composition root passes tokens, the engine, the feedback store and
 * the logger.
 *
 * Transports:
 * - HTTP (no `appToken`): Bolt's default `HTTPReceiver`. Every request to the endpoint is
 *   authenticated before Bolt sees it (`http-listener.ts`, `verify-request.ts`: headers, then the
 *   HMAC over the raw bytes), so Bolt's own check, a second HMAC over the same bytes, is off.
 *   It does not listen itself: mount {@link SlackApp.requestListener} at `POST /slack/events` on the
 *   app server (slash commands, events and interactivity share the URL).
 * - Socket Mode (`appToken` given): Bolt's `SocketModeReceiver` (`socket-mode.ts`: `apps.connections.open`
 *   at `apiUrl`, a bounded retry policy, the socket's state); `start()` opens the socket.
 *
 * ```ts
 * const slack = createSlackApp({ signingSecret, botToken, assistant, feedbackStore, logger });
 * await slack.start();                       // auth.test, once
 * app.mount({ path: '/slack/events', method: 'POST', handler: slack.requestListener! }); // the server's router decides the path
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  App,
  AuthorizationError,
  HTTPReceiver,
  type Logger as BoltLogger,
  type ReceiverProcessEventErrorHandlerArgs,
  type SocketModeReceiver,
} from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Assistant, ConversationRecall, FeedbackStore } from '../../src/index';
import { createRedactor, urlPassword, withErrorSerializer } from '../shared/redactor';
import { respond } from '../shared/respond';
import { registerCommand } from './commands';
import { type Dedupe, SeenIds, type SeenIdsOptions } from './dedupe';
import type { ListenerDeps, SlackExperts, SlackHome } from './deps';
import { registerEvents } from './events';
import { registerInteractions } from './interactions';
import { createHttpListener } from './http-listener';
import { boltLogger } from './log';
import { allowTeams, dedupeEvents } from './middleware';
import { createSocketConnection, type SocketModeSettings, type SocketState, withoutPayloads } from './socket-mode';
import type { SlackRetryConfig } from './retry-config';

export type { SlackRetryConfig } from './retry-config';

/**
 * Default Web API retry policy: 3 retries, 0.5 s doubling to at most 5 s (with jitter). A 429 is
 * retried after its `Retry-After`. An answer later than that is not worth sending.
 */
export const DEFAULT_RETRY_CONFIG: SlackRetryConfig = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true };

export interface SlackAppOptions {
  /** Signing secret (HTTP mode, required there; unused in Socket Mode). */
  signingSecret?: string;
  /** Bot token `xoxb-…`. */
  botToken: string;
  /** App-level token `xapp-…`: when set, Socket Mode is used instead of HTTP. */
  appToken?: string;
  /** Web API base URL, e.g. `http://127.0.0.1:PORT/api/` (tests, proxies). Default Slack's. */
  apiUrl?: string;
  /** Workspaces (team ids) allowed to use the app; empty or absent: all. */
  allowedTeamIds?: readonly string[];
  /** The answer engine (only `ask` is used). */
  assistant: Pick<Assistant, 'ask'> & Partial<ConversationRecall>;
  /** Where 👍/👎 votes go. */
  feedbackStore: FeedbackStore;
  logger: PinoLogger;
  /** Bot id and bot user id: when both are given, `auth.test` is never called. */
  botId?: string;
  botUserId?: string;
  /** Slash command name. Default `/aws`. */
  command?: string;
  /** HTTP path of the Events/Interactivity/Commands URL. Default `/slack/events`. */
  endpoint?: string;
  /** Web API retry policy. Default {@link DEFAULT_RETRY_CONFIG}. */
  retryConfig?: SlackRetryConfig;
  /** Event-id dedupe bounds. Default 10,000 ids for 15 minutes. */
  dedupe?: SeenIdsOptions;
  /** Event and interaction de-duplication; default an in-process `SeenIds` (with `dedupe`). The server passes the store's, shared by replicas. */
  seen?: Dedupe;
  /** HTTP mode: a request no listener acknowledged gets 404 after this many ms. Default 3,001. */
  unhandledRequestTimeoutMillis?: number;
  /** HTTP mode: largest request body in bytes (413 beyond). Default 1 MB. */
  maxBodyBytes?: number;
  /** More values to keep out of the logs (the configuration's other secrets). */
  secrets?: readonly string[];
  /** HTTP mode: the id of a request (the server's `requestIdOf`), for listeners' log lines and the question log line. */
  requestIdOf?: (req: IncomingMessage) => string | undefined;
  /** Socket Mode: the connection's retry policy and timeouts (`socket-mode.ts`). Defaults: Slack's timeouts, 5 retries. */
  socket?: SocketModeSettings;
  /** The experts' channel and escalation log (`SLACK_EXPERTS_CHANNEL`): adds "Ask the experts". Default none. */
  experts?: SlackExperts;
  /** The Home tab's admins (`SLACK_ADMIN_USER_IDS`) and report. Default: no admins (everyone sees the examples only). */
  home?: SlackHome;
}

/** Largest Slack request body accepted in HTTP mode: 1 MB (Slack's payloads are a few KB). */
export const SLACK_MAX_BODY_BYTES = 1024 * 1024;

export interface SlackApp {
  /**
   * The Bolt app of events and interactions (for extra listeners or tests); in Socket Mode it also
   * has the slash command, which in HTTP mode has an app of its own.
   */
  app: App;
  /**
   * HTTP mode only: the listener to mount at the endpoint (the server's router decides which
   * paths reach it, and answers 404/405 for the others). It answers 503 before `start()` or after
   * `stop()`; otherwise a request is admitted Slack's way (`http-listener.ts`, `slackAdmission`)
   * before its body is parsed: 415 for another content type, 401 without valid signature headers
   * (the body is not even read) or with a wrong signature, 413 over `maxBodyBytes`, 400 for a
   * signed body Bolt could not route; only then does Bolt see it. A client that goes away mid-body
   * is a debug line.
   */
  requestListener?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Verifies the bot token (`auth.test`, unless ids were given), then in Socket Mode connects. Rejects on failure. */
  start(): Promise<void>;
  /** Stops answering (Socket Mode: disconnects). */
  stop(): Promise<void>;
  /** Socket Mode only: the socket's state now (`connected` once Slack said `hello`). */
  socketState?: () => SocketState;
}

/** Builds the Slack app; throws when the options cannot work (HTTP mode without a signing secret). */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const secrets = secretsOf(options);
  const redactor = createRedactor(secrets);
  const logger = withErrorSerializer(options.logger, { adapter: 'slack' }, redactor);
  const socketMode = Boolean(options.appToken);
  if (!socketMode && !options.signingSecret) {
    throw new Error('createSlackApp: signingSecret is required in HTTP mode (no appToken given)');
  }
  // Bolt's, the Web API client's and the socket's debug lines quote whole bodies (questions, user ids): cut.
  const bolt = withoutPayloads(boltLogger(logger, redactor));
  const deps: ListenerDeps = {
    assistant: options.assistant,
    feedbackStore: options.feedbackStore,
    logger,
    secrets,
    ...(options.experts ? { experts: options.experts } : {}),
    ...(options.home ? { home: options.home } : {}),
  };
  const socket = options.appToken
    ? createSocketConnection({ ...options.socket, appToken: options.appToken, apiUrl: options.apiUrl, bolt, logger })
    : undefined;
  const receiver = socket?.receiver ?? createHttpReceiver(options, logger, bolt);
  const app = createBoltApp(options, receiver, bolt);
  // HTTP mode: the slash command gets a Bolt app of its own. Bolt runs the middleware chain of every
  // listener of an app on every request, so `/aws` (the busiest request) then runs one chain, not
  // three (measured: about 12% of a signed `/aws` request's CPU).
  const commands = receiver instanceof HTTPReceiver ? createCommandApp(options, logger, bolt, deps) : undefined;
  registerListeners(app, options, deps, { command: commands === undefined, serializedAcks: !socketMode });

  let ready = false;
  const requestListener =
    receiver instanceof HTTPReceiver
      ? createHttpListener({
          receiver,
          commandReceiver: commands?.receiver,
          signingSecret: options.signingSecret as string,
          maxBodyBytes: options.maxBodyBytes ?? SLACK_MAX_BODY_BYTES,
          logger,
          ready: () => ready,
        })
      : undefined;

  return {
    app,
    requestListener,
    async start() {
      await app.init();
      await commands?.app.init();
      if (socketMode) await app.start();
      ready = true;
      logger.info({ mode: socketMode ? 'socket' : 'http' }, 'slack: app started');
    },
    async stop() {
      ready = false;
      const closed = socket?.stopping();
      if (socketMode) await app.stop();
      await closed;
    },
    ...(socket ? { socketState: () => socket.state() } : {}),
  };
}

/** Every secret the app knows, to keep out of its logs: its tokens, the API URL's password and `options.secrets`. */
function secretsOf(options: SlackAppOptions): string[] {
  return [options.botToken, options.signingSecret, options.appToken, urlPassword(options.apiUrl ?? ''), ...(options.secrets ?? [])].filter(
    (s): s is string => Boolean(s),
  );
}

/**
 * Bolt's `HTTPReceiver` behind the HTTP listener, which authenticates every request before it gets
 * here (so Bolt's own signature check is off); the request id goes into the listener context, and a
 * payload Bolt cannot process gets 400.
 */
function createHttpReceiver(options: SlackAppOptions, logger: PinoLogger, bolt: BoltLogger): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: options.signingSecret as string,
    // The HTTP listener (http-listener.ts) has verified the signature of every request that reaches a listener.
    signatureVerification: false,
    customPropertiesExtractor: (req) => ({ requestId: options.requestIdOf?.(req) }),
    endpoints: [options.endpoint ?? '/slack/events'],
    logger: bolt,
    unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMillis ?? 3001,
    processEventErrorHandler: (args) => rejectUnprocessable(args, logger),
  });
}

/**
 * The Bolt app, initialized by `start()` (`deferInitialization`): `auth.test` only when the bot ids
 * are not both given; the Web API client with the retry policy, rate-limited calls retried. With
 * `tokenOnly` (the slash command's app), the token is handed to listeners as is and never verified
 * or looked up (`authorize`), and Bolt's `ignoreSelf` middleware is left out: it only ever filters
 * events, which that app never receives, and every middleware is one more async step per request.
 */
function createBoltApp(options: SlackAppOptions, receiver: HTTPReceiver | SocketModeReceiver, bolt: BoltLogger, tokenOnly = false): App {
  const knownIds = options.botId !== undefined && options.botUserId !== undefined;
  const auth = tokenOnly
    ? { authorize: async () => ({ botToken: options.botToken, botId: options.botId, botUserId: options.botUserId }) }
    : { token: options.botToken, botId: options.botId, botUserId: options.botUserId, tokenVerificationEnabled: !knownIds };
  return new App({
    receiver,
    ...auth,
    logger: bolt,
    logLevel: bolt.getLevel(),
    clientOptions: {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
      rejectRateLimitedCalls: false,
    },
    convoStore: false,
    deferInitialization: true,
    ...(tokenOnly ? { ignoreSelf: false } : {}),
  });
}

/**
 * HTTP mode's app for the slash command alone, on a receiver of its own (the HTTP listener hands
 * it the signed command forms): the workspace allow-list, the command, the error logger. It never
 * calls `auth.test` (the main app verifies the token; a slash command needs no bot ids:
 * `ignoreSelf` only looks at events).
 */
function createCommandApp(
  options: SlackAppOptions,
  logger: PinoLogger,
  bolt: BoltLogger,
  deps: ListenerDeps,
): { app: App; receiver: HTTPReceiver } {
  const receiver = createHttpReceiver(options, logger, bolt);
  const app = createBoltApp(options, receiver, bolt, true);
  allowListed(app, options, logger);
  registerCommand(app, options.command ?? '/aws', deps, { serializedAcks: true });
  logErrors(app, logger);
  return { app, receiver };
}

/** The workspace allow-list, only when there is one (Bolt runs global middleware on every request). */
function allowListed(app: App, options: SlackAppOptions, logger: PinoLogger): void {
  if (options.allowedTeamIds?.some((id) => id.trim() !== '')) app.use(allowTeams(options.allowedTeamIds, logger));
}

/** Errors thrown in listeners, logged (secrets redacted by the logger). */
function logErrors(app: App, logger: PinoLogger): void {
  app.error(async (error) => {
    logger.error({ err: error }, 'slack: unhandled error in a listener');
  });
}

/**
 * The middleware and listeners, in Bolt's order: the workspace allow-list (only when there is
 * one), the slash command (unless it has an app of its own), events (with the retry dedupe: only
 * Events API deliveries carry an `event_id`), interactions (with the replay dedupe), and the error logger.
 */
function registerListeners(app: App, options: SlackAppOptions, deps: ListenerDeps, o: { command: boolean; serializedAcks: boolean }): void {
  const { logger } = deps;
  allowListed(app, options, logger);
  if (o.command) registerCommand(app, options.command ?? '/aws', deps, { serializedAcks: o.serializedAcks });
  const seen = options.seen ?? new SeenIds(options.dedupe);
  registerEvents(app, deps, dedupeEvents(seen, logger));
  registerInteractions(app, deps, seen);
  logErrors(app, logger);
}

/**
 * HTTP mode: Bolt failed before any listener ran (listener errors go to `app.error`), which only
 * happens for a payload it cannot read (e.g. `block_actions` without `user`). Answer 400 (401 for
 * an authorization failure) instead of Bolt's default 500, and log it without secrets.
 */
async function rejectUnprocessable(args: ReceiverProcessEventErrorHandlerArgs, logger: PinoLogger): Promise<boolean> {
  const { error, response } = args;
  if (response.headersSent) {
    logger.error({ err: error }, 'slack: error after the request was acknowledged');
    return false;
  }
  const status = error instanceof AuthorizationError ? 401 : 400;
  logger.warn({ status, err: error }, 'slack: request could not be processed');
  respond(response, status);
  return true;
}
