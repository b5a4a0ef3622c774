/**
 * End-to-end harness: the real Slack app (Bolt `HTTPReceiver` behind its `requestListener`) mounted
 * at `POST /slack/events` on the real app server (its router, its 404 and 405) on 127.0.0.1, talking to a fake Slack Web API, with an in-memory
 * feedback store and a pino logger captured in memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createAppServer } from '../../../adapters/server/http-server';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../../adapters/slack/app';
import { type Assistant, createAssistant, InMemoryFeedbackStore } from '../../../src/index';
import { type FakeSlack, startFakeSlack } from './fake-slack';
import { type PostResult, signedPost, type SignedPostOptions } from './signed-request';

export const SIGNING_SECRET = 'e2e-signing-secret-5f2b9c0d1a7e4f36';
export const BOT_TOKEN = 'xoxb-111-222-e2eBotTokenValue';
/** Small and fast Web API retry policy for tests. */
export const TEST_RETRY = { retries: 3, factor: 1, minTimeout: 5, maxTimeout: 10, randomize: false };

let shared: Assistant | undefined;
/** The real assistant over `knowledge/`, built once per test file. */
export function realAssistant(): Assistant {
  shared ??= createAssistant({ knowledgeDir: join(__dirname, '../../../knowledge') });
  return shared;
}

/** A deep copy of `test/fixtures/slack/<name>.json`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are free-form JSON that each test edits by path
export function fixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/slack', `${name}.json`), 'utf8')) as T;
}

export interface Harness {
  /** `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  fake: FakeSlack;
  store: InMemoryFeedbackStore;
  slack: SlackApp;
  /** Raw pino lines written so far. */
  logs: string[];
  /** How many times the assistant was asked. */
  asked(): number;
  /** Signed POST to the events URL. */
  post(body: string, options?: Partial<SignedPostOptions>): Promise<PostResult>;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<SlackAppOptions> = {}, options: { start?: boolean } = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const store = new InMemoryFeedbackStore();
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const inner = overrides.assistant ?? realAssistant();
  let asks = 0;
  const assistant = {
    ask: (q: string) => {
      asks += 1;
      return inner.ask(q);
    },
  };
  const slack = createSlackApp({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    apiUrl: fake.apiUrl,
    feedbackStore: store,
    logger,
    retryConfig: TEST_RETRY,
    unhandledRequestTimeoutMillis: 300,
    ...overrides,
    assistant,
  });
  if (options.start ?? true) await slack.start();
  const app = createAppServer({ logger: pino({ level: 'silent' }) });
  app.mount({ path: '/slack/events', method: 'POST', handler: slack.requestListener! });
  const base = `http://127.0.0.1:${(await app.listen(0, '127.0.0.1')).port}`;
  app.ready();
  const { server } = app;
  return {
    url: `${base}/slack/events`,
    fake,
    store,
    slack,
    logs,
    asked: () => asks,
    post: (body, o = {}) => signedPost(`${base}/slack/events`, body, { secret: SIGNING_SECRET, ...o }),
    async close() {
      await slack.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

export interface UseHarnessOptions {
  /** Call `start()` (auth.test) before the tests. Default true. */
  start?: boolean;
  /** Forget the fake's recorded calls and responses before each test. Default false. */
  resetEachTest?: boolean;
}

/**
 * The harness of the enclosing `describe` block: started (with `overrides`) in `beforeAll`, closed
 * in `afterAll`. The object returned forwards to the started harness, so tests use it as a
 * {@link Harness}; touching it outside a test or hook throws.
 *
 * ```ts
 * describe('…', () => {
 *   const h = useHarness({ allowedTeamIds: ['T1'] });
 *   it('…', async () => expect((await h.post(body)).status).toBe(200));
 * });
 * ```
 */
export function useHarness(overrides: Partial<SlackAppOptions> = {}, options: UseHarnessOptions = {}): Harness {
  let current: Harness | undefined;
  const started = (): Harness => {
    if (!current) throw new Error('useHarness: the harness starts in beforeAll; use it inside a test or hook');
    return current;
  };
  beforeAll(async () => {
    current = await startHarness(overrides, { start: options.start });
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  if (options.resetEachTest) beforeEach(() => started().fake.reset());
  return {
    get url() {
      return started().url;
    },
    get fake() {
      return started().fake;
    },
    get store() {
      return started().store;
    },
    get slack() {
      return started().slack;
    },
    get logs() {
      return started().logs;
    },
    asked: () => started().asked(),
    post: (body, o) => started().post(body, o),
    close: () => started().close(),
  };
}

/** Waits `ms` (to give an ignored event the chance to do something wrong). */
export const settle = (ms = 150): Promise<void> => new Promise((r) => setTimeout(r, ms));
