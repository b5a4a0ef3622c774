/**
 * Socket Mode: Bolt's `SocketModeReceiver` with the Web API URL and a bounded retry policy passed
 * to its socket-mode client (`installerOptions.clientOptions` is what Bolt hands to
 * `SocketModeClient`), and the connection's state for `/healthz`.
 *
 * - `apps.connections.open` goes to `apiUrl` (`SLACK_API_URL`: a proxy, a Slack-compatible
 *   gateway, a test's fake), with the app token; the WebSocket goes to the URL it returns.
 * - Each `apps.connections.open` is retried at most {@link DEFAULT_SOCKET_RETRY_CONFIG}`.retries`
 *   times (1 s doubling to 30 s); the socket-mode client's own default is 100 retries.
 * - Slack's `disconnect` frame, a lost pong or a closed socket: the client reconnects (a fresh
 *   `apps.connections.open`) after `clientPingTimeoutMs`. If a reconnection fails for good (its
 *   retries exhausted), the socket is reported `disconnected` and a new attempt starts every
 *   `retryAfterFailureMs`; the process keeps serving (Teams, the playground, `/healthz`).
 * - The first connection is not retried that way: `start()` rejects, so a server with a wrong
 *   app token fails at startup, naming the problem.
 *
 * The client's debug lines quote the envelopes (question text): `createSlackApp` passes a Bolt
 * logger wrapped in {@link withoutPayloads}.
 */
import { type Logger as BoltLogger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { SlackRetryConfig } from './retry-config';

/** The socket's state: `connected` once Slack said `hello`; anything else means no events arrive. */
export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Default `apps.connections.open` retry policy: 5 retries, 1 s doubling to at most 30 s (with jitter). */
export const DEFAULT_SOCKET_RETRY_CONFIG: SlackRetryConfig = {
  retries: 5,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 30_000,
  randomize: true,
};

/** The longest `stop()` waits for the socket's close handshake (the client's own limit is 30 s). */
export const CLOSE_WAIT_MS = 2000;

/** After a reconnection failed for good, the next attempt starts this many ms later. */
export const DEFAULT_RETRY_AFTER_FAILURE_MS = 60_000;

export interface SocketModeSettings {
  /** `apps.connections.open` retry policy (p-retry options). Default {@link DEFAULT_SOCKET_RETRY_CONFIG}. */
  retryConfig?: SlackRetryConfig;
  /** Wait after a reconnection failed for good. Default {@link DEFAULT_RETRY_AFTER_FAILURE_MS}. */
  retryAfterFailureMs?: number;
  /** A pong must come this soon after a ping (else reconnect); also the wait before a reconnection. Default 5,000 (Slack's). */
  clientPingTimeoutMs?: number;
  /** Slack's pings must come this often (else reconnect). Default 30,000 (Slack's). */
  serverPingTimeoutMs?: number;
}

export interface SocketConnectionOptions extends SocketModeSettings {
  appToken: string;
  /** Web API base URL, e.g. `http://127.0.0.1:PORT/api/`. Default Slack's. */
  apiUrl?: string;
  /** Bolt's logger (redacting, {@link withoutPayloads}). */
  bolt: BoltLogger;
  /** The adapter's logger, for state changes. */
  logger: PinoLogger;
}

export interface SocketConnection {
  receiver: SocketModeReceiver;
  /** The socket's state now. */
  state(): SocketState;
  /**
   * Called just before `receiver.stop()`: no more retries, state `disconnected`. Resolves when the
   * socket has closed (Slack answered the close frame), or after {@link CLOSE_WAIT_MS}.
   */
  stopping(): Promise<void>;
}

/** The receiver and its state; see the module doc. */
export function createSocketConnection(options: SocketConnectionOptions): SocketConnection {
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: options.bolt,
    clientPingTimeout: options.clientPingTimeoutMs,
    serverPingTimeout: options.serverPingTimeoutMs,
    installerOptions: {
      clientOptions: {
        ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
        retryConfig: options.retryConfig ?? DEFAULT_SOCKET_RETRY_CONFIG,
      },
    },
  });
  const { client } = receiver;
  const { logger } = options;
  let state: SocketState = 'connecting';
  let connectedOnce = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const set = (next: SocketState): void => {
    if (next === state) return;
    const level = next === 'disconnected' && !stopped ? 'warn' : 'info';
    logger[level]({ socket: next, was: state }, `slack: Socket Mode ${next}`);
    state = next;
  };
  client.on('connected', () => {
    connectedOnce = true;
    set('connected');
  });
  client.on('reconnecting', () => set('reconnecting'));
  client.on('close', () => set(stopped ? 'disconnected' : 'reconnecting'));
  client.on('disconnected', () => set('disconnected'));

  // The client reconnects by calling `this.start` and does not catch its rejection: a failed
  // reconnection would be an unhandled rejection and the socket would stay down for good.
  const start = client.start.bind(client);
  client.start = async () => {
    try {
      return await start();
    } catch (error) {
      if (!connectedOnce || stopped) throw error;
      set('disconnected');
      const waitMs = options.retryAfterFailureMs ?? DEFAULT_RETRY_AFTER_FAILURE_MS;
      logger.error({ err: error, retryInMs: waitMs }, 'slack: Socket Mode reconnection failed');
      clearTimeout(retry);
      retry = setTimeout(() => void client.start(), waitMs);
      return {} as Awaited<ReturnType<typeof start>>;
    }
  };
  return {
    receiver,
    state: () => state,
    stopping() {
      stopped = true;
      clearTimeout(retry);
      set('disconnected');
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_WAIT_MS).unref();
        client.once('disconnected', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/**
 * A Bolt logger whose debug lines are cut before their first `{`: Bolt, the Web API client and the
 * socket-mode client quote whole request bodies and envelopes there (questions, user ids).
 *
 * Below debug level nothing is looked at: Bolt builds a debug message quoting the ack body twice
 * per request (`ack() call begins (body: …)`), and searching it for `{` would flatten the whole
 * concatenated string, a copy of every answer's Block Kit JSON, only to drop the line.
 */
export function withoutPayloads(bolt: BoltLogger): BoltLogger {
  const cut = (arg: unknown): unknown => {
    if (typeof arg !== 'string') return arg;
    const brace = arg.indexOf('{');
    return brace < 0 ? arg : `${arg.slice(0, brace)}[payload omitted]`;
  };
  return {
    ...bolt,
    debug: (...args: unknown[]) => {
      if (bolt.getLevel() === LogLevel.DEBUG) bolt.debug(...args.map(cut));
    },
  };
}
