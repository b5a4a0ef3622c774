/**
 * The Slack app: Bolt wired to the answer engine. A factory with explicit options (it never reads
 * `process.env`): the server's composition root passes tokens, the engine, the feedback store and
 * the logger.
 *
 * Transports:
 * - HTTP (no `appToken`): Bolt's default `HTTPReceiver`. Every request to the endpoint is
 *   authenticated here before Bolt sees it (`verify-request.ts`: headers, then the HMAC over the
 *   raw bytes), so Bolt's own check, a second HMAC over the same bytes, is off. It does not listen itself: mount {@link SlackApp.requestListener} on a `node:http` server; it
 *   handles `POST /slack/events` (slash commands, events and interactivity share the URL).
 * - Socket Mode (`appToken` given): Bolt's `SocketModeReceiver`; `start()` opens the socket.
 *
 * ```ts
 * const slack = createSlackApp({ signingSecret, botToken, assistant, feedbackStore, logger });
 * await slack.start();                       // auth.test, once
 * http.createServer(slack.requestListener!).listen(3000);
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  App,
  type AppOptions,
  AuthorizationError,
  ErrorCode,
  HTTPReceiver,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Assistant, FeedbackStore } from '../../src/index';
import { parseJsonObject } from '../shared/json-body';
import { readBody, tooLarge } from '../shared/read-body';
import { requestPath } from '../shared/request-path';
import { createRedactor, urlPassword, withErrorSerializer } from '../shared/redactor';
import { registerCommand } from './commands';
import { type Dedupe, SeenIds, type SeenIdsOptions } from './dedupe';
import type { ListenerDeps } from './deps';
import { registerEvents } from './events';
import { registerInteractions } from './interactions';
import { boltLogger } from './log';
import { allowTeams, dedupeEvents } from './middleware';
import { checkEnvelope, checkSignatureHeaders, isSslCheck, verifySignature } from './verify-request';

/** The Web API client's retry policy (p-retry options). */
export type SlackRetryConfig = NonNullable<NonNullable<AppOptions['clientOptions']>['retryConfig']>;

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
  assistant: Pick<Assistant, 'ask'>;
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
}

/** Largest Slack request body accepted in HTTP mode: 1 MB (Slack's payloads are a few KB). */
export const SLACK_MAX_BODY_BYTES = 1024 * 1024;

const SLACK_MEDIA_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

export interface SlackApp {
  /** The Bolt app (for extra listeners or tests). */
  app: App;
  /**
   * HTTP mode only: the listener to mount on a `node:http` server. It answers `POST` at the
   * endpoint, 503 before `start()` or after `stop()`, 404 elsewhere (Bolt's `HTTPReceiver`). A
   * request is authenticated before its body is parsed (`verify-request.ts`): 401 without valid
   * signature headers (the body is not even read) or with a wrong signature, 413 over
   * `maxBodyBytes`, 415 for another content type, 400 for a signed body Bolt could not route;
   * only then does Bolt see it. A client that goes away mid-body is a debug line.
   */
  requestListener?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Verifies the bot token (`auth.test`, unless ids were given), then in Socket Mode connects. Rejects on failure. */
  start(): Promise<void>;
  /** Stops answering (Socket Mode: disconnects). */
  stop(): Promise<void>;
}

/** Builds the Slack app; throws when the options cannot work (HTTP mode without a signing secret). */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const secrets = [
    options.botToken,
    options.signingSecret,
    options.appToken,
    urlPassword(options.apiUrl ?? ''),
    ...(options.secrets ?? []),
  ].filter((s): s is string => Boolean(s));
  const redactor = createRedactor(secrets);
  const logger = withErrorSerializer(options.logger, { adapter: 'slack' }, redactor);
  const bolt = boltLogger(logger, redactor);
  const socketMode = Boolean(options.appToken);
  if (!socketMode && !options.signingSecret) {
    throw new Error('createSlackApp: signingSecret is required in HTTP mode (no appToken given)');
  }
  const receiver = socketMode
    ? new SocketModeReceiver({ appToken: options.appToken as string, logger: bolt })
    : new HTTPReceiver({
        signingSecret: options.signingSecret as string,
        // authenticateThenDispatch has verified the signature of every request that reaches a listener.
        signatureVerification: false,
        customPropertiesExtractor: (req) => ({ requestId: options.requestIdOf?.(req) }),
        endpoints: [options.endpoint ?? '/slack/events'],
        logger: bolt,
        unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMillis ?? 3001,
        processEventErrorHandler: (args) => rejectUnprocessable(args, logger),
      });
  const knownIds = options.botId !== undefined && options.botUserId !== undefined;
  const app = new App({
    receiver,
    token: options.botToken,
    botId: options.botId,
    botUserId: options.botUserId,
    logger: bolt,
    logLevel: bolt.getLevel(),
    clientOptions: {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
      rejectRateLimitedCalls: false,
    },
    convoStore: false,
    deferInitialization: true,
    tokenVerificationEnabled: !knownIds,
  });

  const deps: ListenerDeps = { assistant: options.assistant, feedbackStore: options.feedbackStore, logger, secrets };
  // Bolt runs global middleware on every request: the allow-list only when there is one, and the
  // retry dedupe only on the events listener (only Events API deliveries carry an `event_id`).
  if (options.allowedTeamIds?.some((id) => id.trim() !== '')) app.use(allowTeams(options.allowedTeamIds, logger));
  registerCommand(app, options.command ?? '/aws', deps, { serializedAcks: !socketMode });
  const seen = options.seen ?? new SeenIds(options.dedupe);
  registerEvents(app, deps, dedupeEvents(seen, logger));
  registerInteractions(app, deps, seen);
  app.error(async (error) => {
    logger.error({ err: error }, 'slack: unhandled error in a listener');
  });

  let ready = false;
  const maxBody = options.maxBodyBytes ?? SLACK_MAX_BODY_BYTES;
  const endpoint = options.endpoint ?? '/slack/events';
  const refuse = (res: ServerResponse, status: number, reason: string, close: boolean): void => {
    logger.debug({ status, reason }, 'slack: request refused');
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify({ error: reason });
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...(close ? { connection: 'close' } : {}),
    });
    res.end(text);
  };
  const dispatch = (req: IncomingMessage, res: ServerResponse): void => {
    // Every response Bolt writes here is empty or JSON (acks, url_verification, errors without a
    // body; an empty body labelled JSON is harmless), so the type is set up front: the `/aws` ack
    // can then be handed over as JSON text already serialized per answer (Bolt writes a string
    // body as is, and `writeHead` keeps headers set before it).
    res.setHeader('content-type', 'application/json; charset=utf-8');
    try {
      (receiver as HTTPReceiver).requestListener(req, res);
    } catch (error) {
      const deferred = (error as { code?: unknown }).code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (!deferred) logger.error({ err: error }, 'slack: request dispatch failed');
      if (!res.headersSent) res.writeHead(deferred ? 404 : 500);
      res.end();
    }
  };
  /** Authenticates (headers, then the signature over the raw bytes), then lets Bolt parse and route. */
  const authenticateThenDispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!SLACK_MEDIA_TYPES.includes(type)) return refuse(res, 415, `content type must be ${SLACK_MEDIA_TYPES.join(' or ')}`, !req.complete);
    const early = checkSignatureHeaders(req.headers);
    // An unsigned request could still be Slack's ssl_check (a short form): only that is read.
    const maybeSslCheck = early && type === 'application/x-www-form-urlencoded' && Number(req.headers['content-length'] ?? 0) <= 1024;
    if (early && !maybeSslCheck) return refuse(res, early.status, early.reason, !req.complete);
    const read = await readBody(req, maybeSslCheck ? 1024 : maxBody);
    if (!read.ok) {
      if (read.aborted) return void logger.debug('slack: client went away mid-body');
      return refuse(res, read.status, read.status === 413 ? tooLarge(maybeSslCheck ? 1024 : maxBody) : read.error, read.close);
    }
    if (early) {
      if (!isSslCheck(type, read.body)) return refuse(res, early.status, early.reason, false);
    } else {
      if (!verifySignature(options.signingSecret as string, req.headers, read.body))
        return refuse(res, 401, 'invalid Slack signature', false);
      const bad = checkEnvelope(type, read.body, (bytes) => parseJsonObject(bytes));
      if (bad) return refuse(res, bad.status, bad.reason, false);
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = read.body;
    dispatch(req, res);
  };
  const requestListener = socketMode
    ? undefined
    : (req: IncomingMessage, res: ServerResponse): void => {
        if (!ready) {
          req.resume();
          res.writeHead(503, { 'retry-after': '1' }).end();
          return;
        }
        // Only POSTs reach a listener, and only unauthenticated ones could: no POST gets to Bolt
        // unless it is for the endpoint and has passed authenticateThenDispatch.
        if (req.method !== 'POST') return dispatch(req, res);
        if (requestPath(req.url ?? '/') !== endpoint) return refuse(res, 404, 'not found', !req.complete);
        authenticateThenDispatch(req, res).catch((error: unknown) => {
          logger.error({ err: error }, 'slack: request dispatch failed');
          if (!res.headersSent) res.writeHead(500).end();
          else res.destroy();
        });
      };

  return {
    app,
    requestListener,
    async start() {
      await app.init();
      if (socketMode) await app.start();
      ready = true;
      logger.info({ mode: socketMode ? 'socket' : 'http' }, 'slack: app started');
    },
    async stop() {
      ready = false;
      if (socketMode) await app.stop();
    },
  };
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
  response.writeHead(status);
  response.end();
  return true;
}
