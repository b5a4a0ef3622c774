/** The playground handler over real HTTP on loopback: the page, its assets, and the JSON endpoints. */
import { request } from 'node:http';
import { renderSlack } from '../../adapters/slack/render';
import { renderTeams } from '../../adapters/teams/render';
import { PAGE_CSP, PLAYGROUND_USER } from '../../adapters/web/playground';
import { MAX_QUESTION_LENGTH, type Assistant } from '../../src/index';
import { createAnswer } from '../helpers/answer-factory';
import { buildAssets, realAssistant, startPlaygroundServer, type PlaygroundServer } from './helpers/playground-server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request with full control over headers and body chunks (fetch would fix them up). With
 * `keepOpen`, the body is never finished: the server must answer from what it has (an early 413),
 * and the request is torn down once the response is read.
 */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string | number>; chunks?: (string | Buffer)[]; keepOpen?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') });
        if (options.keepOpen) req.destroy();
      });
    });
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    if (options.keepOpen) req.flushHeaders();
    else req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('createPlaygroundHandler', () => {
  let assetsDir: string;
  let pg: PlaygroundServer;

  beforeAll(async () => {
    assetsDir = await buildAssets();
    pg = await startPlaygroundServer({ assetsDir });
  });
  afterAll(async () => pg.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = json): Promise<Response> =>
    fetch(`${pg.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  describe('GET /', () => {
    it('serves the page with a strict Content-Security-Policy', async () => {
      const res = await fetch(`${pg.url}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await res.text();
      expect(html).toContain('<label for="question">');
      expect(html).toContain('src="/playground/playground.js"');
      expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // nothing from a CDN
    });

    it('serves the bundle and stylesheet, and answers HEAD without a body', async () => {
      const js = await fetch(`${pg.url}/playground/playground.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await js.text()).toContain('AdaptiveCard');
      const css = await fetch(`${pg.url}/playground/playground.css`);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      const head = await raw(`${pg.url}/playground/playground.css`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
    });

    it.each([
      '/playground/nope.js',
      '/playground/..%2Fpackage.json',
      '/playground/.env',
      '/playground/sub/playground.js',
      '/playground/x.txt',
    ])('answers 404 for %s (never outside the assets directory)', async (path) => {
      const res = await raw(`${pg.url}${path}`, { method: 'GET' });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('"name"');
    });

    it('leaves other paths to the server (returns false)', async () => {
      const res = await raw(`${pg.url}/healthz`, { method: 'GET' });
      expect(res.status).toBe(404);
      expect(res.body).toBe('not found (test server)');
    });

    it('answers 405 to a POST on the page', async () => {
      const res = await post('/', {});
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    });

    it('answers 503 with the fix when the page is not built', async () => {
      const unbuilt = await startPlaygroundServer({ assetsDir: '/nonexistent/web' });
      try {
        const res = await fetch(`${unbuilt.url}/`);
        expect(res.status).toBe(503);
        expect(await res.text()).toContain('npm run build');
      } finally {
        await unbuilt.close();
      }
    });
  });

  describe('POST /playground/ask', () => {
    it("returns the answer, the intent and both platforms' payloads", async () => {
      const res = await post('/playground/ask', { question: 'sla for eks' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { answer: ReturnType<Assistant['ask']>; intent: string; slack: unknown; teams: unknown };
      expect(body.intent).toBe('sla');
      expect(body.answer.kind).toBe('sla');
      expect(body.slack).toEqual(JSON.parse(JSON.stringify(renderSlack(body.answer))));
      expect(body.teams).toEqual(JSON.parse(JSON.stringify(renderTeams(body.answer))));
      expect(JSON.stringify(body.slack)).toContain('99.95%');
      expect(JSON.stringify(body.teams)).toContain('99.95%');
    });

    it('says when the knowledge base does not hold the answer', async () => {
      const body = (await (await post('/playground/ask', { question: 'SLA for Route 53' })).json()) as {
        answer: { kind: string; answered: boolean; followUps: unknown[] };
      };
      expect(body.answer).toMatchObject({ kind: 'not-found', answered: false });
      expect(body.answer.followUps.length).toBeGreaterThan(0);
    });

    it('accepts a question of exactly the maximum length', async () => {
      // Words, not one 4,000-char token: Lunr's fuzzy term on a giant token takes ~10 s (reported to the lead).
      const question = 'what is the sla for eks '.repeat(MAX_QUESTION_LENGTH).slice(0, MAX_QUESTION_LENGTH);
      expect(question).toHaveLength(MAX_QUESTION_LENGTH);
      const res = await post('/playground/ask', { question });
      expect(res.status).toBe(200);
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['a non-UTF-8 charset', 'application/json; charset=latin1'],
    ])('answers 415 to %s', async (_, type) => {
      const res = await post('/playground/ask', JSON.stringify({ question: 'sla for eks' }), { 'Content-Type': type });
      expect(res.status).toBe(415);
    });

    it('answers 415 without a Content-Type', async () => {
      const res = await raw(`${pg.url}/playground/ask`, { chunks: ['{"question":"sla for eks"}'] });
      expect(res.status).toBe(415);
    });

    it.each([
      ['malformed JSON', '{"question": '],
      ['an empty body', ''],
      ['a JSON array', '["sla for eks"]'],
      ['a missing question', '{}'],
      ['a number', '{"question": 42}'],
      ['a blank question', '{"question": "   "}'],
      ['an unknown key', '{"question": "sla for eks", "admin": true}'],
      ['a question over 4,000 characters', JSON.stringify({ question: 'x'.repeat(MAX_QUESTION_LENGTH + 1) })],
    ])('answers 400 to %s, saying what is wrong', async (_, body) => {
      const res = await post('/playground/ask', body);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { status: number; message: string } }).error;
      expect(error.status).toBe(400);
      expect(error.message.length).toBeGreaterThan(5);
    });

    it('answers 400 to a body that is not UTF-8', async () => {
      const res = await raw(`${pg.url}/playground/ask`, { headers: json, chunks: [Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x7d])] });
      expect(res.status).toBe(400);
      expect(res.body).toContain('UTF-8');
    });

    it('answers 413 to a declared body over 64 KB, before reading it', async () => {
      const res = await raw(`${pg.url}/playground/ask`, {
        headers: { ...json, 'Content-Length': 70 * 1024 },
        chunks: ['{"question":"'],
        keepOpen: true,
      });
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    });

    it('answers 413 to a chunked body that grows over 64 KB', async () => {
      const chunk = 'x'.repeat(16 * 1024);
      const res = await raw(`${pg.url}/playground/ask`, {
        headers: { ...json, 'Transfer-Encoding': 'chunked' },
        chunks: ['{"question":"', chunk, chunk, chunk, chunk, chunk],
        keepOpen: true,
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: { status: 413 } });
    });

    it('answers 405 to GET, with Allow: POST', async () => {
      const res = await fetch(`${pg.url}/playground/ask`);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    });

    it('answers 403 to a cross-origin POST and accepts a same-origin one', async () => {
      const evil = await post('/playground/ask', { question: 'sla for eks' }, { ...json, Origin: 'https://evil.example' });
      expect(evil.status).toBe(403);
      const same = await post('/playground/ask', { question: 'sla for eks' }, { ...json, Origin: pg.url });
      expect(same.status).toBe(200);
    });

    it('asks the assistant current at request time (the server hot-swaps it)', async () => {
      const fake: Assistant = {
        ask: () => createAnswer('help'),
        route: () => ({
          answer: createAnswer('help', { title: 'Swapped knowledge' }),
          intent: 'help',
          turn: { services: [], aspects: [], compare: false, answered: true },
        }),
        stats: () => realAssistant().stats(),
      };
      pg.setAssistant(fake);
      try {
        const body = (await (await post('/playground/ask', { question: 'anything' })).json()) as { answer: { title: string } };
        expect(body.answer.title).toBe('Swapped knowledge');
      } finally {
        pg.setAssistant(realAssistant());
      }
    });

    it('answers 500 and logs when the engine itself fails, and keeps serving', async () => {
      const broken: Assistant = {
        ask: () => {
          throw new Error('index corrupted');
        },
        route: () => {
          throw new Error('index corrupted');
        },
        stats: () => realAssistant().stats(),
      };
      pg.setAssistant(broken);
      try {
        const res = await post('/playground/ask', { question: 'sla for eks' });
        expect(res.status).toBe(500);
        expect(pg.logs.some((l) => l.level === 50 && String((l.err as { message?: string })?.message).includes('index corrupted'))).toBe(
          true,
        );
      } finally {
        pg.setAssistant(realAssistant());
      }
      expect((await post('/playground/ask', { question: 'sla for eks' })).status).toBe(200);
    });
  });

  describe('POST /playground/feedback', () => {
    it('records the vote with platform web in the feedback store', async () => {
      const before = pg.store.list().length;
      const res = await post('/playground/feedback', {
        answerId: 'sla-660bd129bac37743',
        question: 'sla for eks',
        vote: 'up',
        from: 'teams',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ recorded: true });
      const recorded = pg.store.list().slice(before);
      expect(recorded).toEqual([
        {
          platform: 'web',
          user: PLAYGROUND_USER,
          answerId: 'sla-660bd129bac37743',
          question: 'sla for eks',
          vote: 'up',
          at: expect.any(String),
        },
      ]);
      expect(new Date(recorded[0].at).toISOString()).toBe(recorded[0].at);
    });

    it.each([
      ['an unknown vote', { answerId: 'a1', question: 'q', vote: 'meh' }],
      ['a missing answer id', { question: 'q', vote: 'down' }],
      ['an empty answer id', { answerId: '', question: 'q', vote: 'down' }],
      ['an unknown rendering', { answerId: 'a1', question: 'q', vote: 'down', from: 'discord' }],
    ])('answers 400 to %s and records nothing', async (_, body) => {
      const before = pg.store.list().length;
      const res = await post('/playground/feedback', body);
      expect(res.status).toBe(400);
      expect(pg.store.list().length).toBe(before);
    });

    it('answers 415 to a form post and records nothing', async () => {
      const before = pg.store.list().length;
      const res = await post('/playground/feedback', 'answerId=a1&vote=up', { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect(pg.store.list().length).toBe(before);
    });
  });
});
