/**
 * The write path on a real SQLite store: the buffer's bound (per lane: playground rows never push
 * out Slack or Teams rows), losses counted and logged once per interval, a refused batch dropped
 * without blocking the rest, degraded when the database is gone; the shared dedupe's fallback;
 * the recorder's QUESTION_LOG modes; the keyed hash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/store/open-store';
import type { SqlStore } from '../../adapters/store/sql-store';
import { type AskContext, createIdHasher, parseSince, SharedDedupe, StoreHealth, StoreRecorder, WriteBuffer } from '../../src/index';
import { question, vote } from './helpers/contract';

const dir = mkdtempSync(join(tmpdir(), 'aws-qa-write-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = async (): Promise<SqlStore> => {
  const file = join(dir, `s${(n += 1)}.db`);
  return (await openStore({ kind: 'sqlite', dataDir: dir, file })).store;
};

function memoryLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('WriteBuffer', () => {
  it('bounds each lane, so a playground flood never pushes out platform rows', async () => {
    const store = await fresh();
    const { logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const buffer = new WriteBuffer({ store, health, logger, maxPending: 3, flushMs: 60_000 });
    for (let i = 0; i < 2; i += 1) buffer.add({ kind: 'question', row: question({ question: `slack ${i}` }) });
    for (let i = 0; i < 10; i += 1) buffer.add({ kind: 'vote', row: vote({ platform: 'web', user: `web-${i}` }) });
    expect(buffer.pending).toBe(5);
    expect(health.snapshot().lost).toBe(7);
    expect(await buffer.drain()).toBe(true);
    const report = await store.report({ since: 0, platforms: ['slack', 'web'] });
    expect(report.totals.slack.questions).toBe(2);
    expect(report.totals.web.down).toBe(3);
    await buffer.close();
    await store.close();
  });

  it('logs losses once per interval, not once per row', async () => {
    const store = await fresh();
    const { lines, logger } = memoryLogger();
    let now = 1_000_000;
    const health = new StoreHealth(logger, { intervalMs: 60_000, now: () => now });
    const buffer = new WriteBuffer({ store, health, logger, maxPending: 1, flushMs: 60_000 });
    for (let i = 0; i < 50; i += 1) buffer.add({ kind: 'question', row: question() });
    expect(lines.filter((l) => l.msg.includes('lost'))).toHaveLength(0);
    now += 60_000;
    health.tick();
    for (let i = 0; i < 5; i += 1) buffer.add({ kind: 'question', row: question() });
    const lossLines = lines.filter((l) => l.msg.includes('lost'));
    expect(lossLines).toHaveLength(1);
    expect(lossLines[0].obj).toMatchObject({ lost: 49, lostTotal: 49 });
    await buffer.close();
    expect(lines.filter((l) => l.msg.includes('lost')).map((l) => l.obj.lost)).toEqual([49, 5]);
    await store.close();
  });

  it('drops a batch the database refuses (logged, counted) and goes on with the next rows', async () => {
    const store = await fresh();
    const { lines, logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const buffer = new WriteBuffer({ store, health, logger, batchSize: 1, flushMs: 60_000 });
    buffer.add({ kind: 'vote', row: vote({ vote: 'maybe' as 'up' }) });
    buffer.add({ kind: 'question', row: question() });
    expect(await buffer.drain()).toBe(true);
    expect(health.snapshot()).toMatchObject({ state: 'ok', lost: 1 });
    expect(lines.some((l) => l.level === 'error' && l.msg.includes('refused a batch'))).toBe(true);
    expect((await store.report({ since: 0 })).totals.all.questions).toBe(1);
    await store.close();
  });

  it('keeps the rows and turns degraded when the database cannot be reached', async () => {
    const store = await fresh();
    const { lines, logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const buffer = new WriteBuffer({ store, health, logger, flushMs: 60_000 });
    await store.close(); // every query now fails, like an unreachable server
    buffer.add({ kind: 'question', row: question() });
    buffer.add({ kind: 'question', row: question() });
    expect(await buffer.flushOnce()).toBe(false);
    expect(await buffer.flushOnce()).toBe(false);
    expect(buffer.pending).toBe(2);
    expect(health.snapshot()).toMatchObject({ state: 'degraded', lost: 0 });
    expect(lines.filter((l) => l.msg.startsWith('store degraded'))).toHaveLength(1);
    await buffer.close(200);
    expect(health.snapshot().lost).toBe(2);
  });
});

describe('SharedDedupe', () => {
  it('claims in the store, answers repeats from memory, and falls back to memory while degraded', async () => {
    const store = await fresh();
    const { logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const hasher = createIdHasher('a-test-key-of-some-length');
    const hash = (k: string): string => hasher('dedupe', k);
    const replicaA = new SharedDedupe({ store, health, prefix: 'slack:', hash });
    const replicaB = new SharedDedupe({ store, health, prefix: 'slack:', hash });
    expect(await replicaA.firstSeen('Ev1')).toBe(true);
    expect(await replicaB.firstSeen('Ev1')).toBe(false);
    expect(await replicaA.firstSeen('Ev1')).toBe(false);
    await store.close();
    expect(await replicaA.firstSeen('Ev2')).toBe(true); // the store fails: new unless this process saw it
    expect(health.state).toBe('degraded');
    expect(await replicaA.firstSeen('Ev2')).toBe(false);
    expect(await replicaB.firstSeen('Ev2')).toBe(true); // another process cannot know while the store is down
  });
});

describe('StoreRecorder', () => {
  const rows = () => {
    const added: { kind: string; row: Record<string, unknown> }[] = [];
    return {
      added,
      buffer: { add: (r: { kind: string; row: object }) => void added.push(r as { kind: string; row: Record<string, unknown> }) },
    };
  };
  const ask = (recorder: StoreRecorder, answered: boolean, context: AskContext = {}) =>
    recorder.question({ platform: 'teams', question: 'SLA  for EKS?', intent: 'sla', answer: { id: 'a', answered }, ...context });

  it('logs per QUESTION_LOG: all, unanswered only, or nothing; votes always', async () => {
    const hash = createIdHasher('a-test-key-of-some-length');
    for (const [mode, expected] of [
      ['all', 2],
      ['unanswered', 1],
      ['off', 0],
    ] as const) {
      const { added, buffer } = rows();
      const recorder = new StoreRecorder({ buffer, hash, questionLog: mode });
      ask(recorder, true);
      ask(recorder, false);
      await recorder.record({ platform: 'teams', question: 'q', answerId: 'a', vote: 'up', user: 'u', at: new Date().toISOString() });
      expect(added.filter((r) => r.kind === 'question')).toHaveLength(expected);
      expect(added.filter((r) => r.kind === 'vote')).toHaveLength(1);
    }
  });

  it("normalizes the text, hashes the asker, and skips questions asked on no one's behalf", () => {
    const { added, buffer } = rows();
    const recorder = new StoreRecorder({ buffer, hash: createIdHasher('a-test-key-of-some-length') });
    const asker = { workspace: 'T1', user: 'U1' };
    ask(recorder, true, { asker });
    ask(recorder, true, { asker, log: false });
    expect(added).toHaveLength(1);
    expect(added[0].row).toMatchObject({ question: 'sla for eks', platform: 'teams', channel: null, team: null });
    expect(added[0].row.user).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('keyed hash', () => {
  it('is stable under one key, differs under another and between kinds of id', () => {
    const h1 = createIdHasher('key-one-0123456789');
    const h2 = createIdHasher('key-two-0123456789');
    expect(h1('user', 'U1')).toBe(h1('user', 'U1'));
    expect(h1('user', 'U1')).not.toBe(h2('user', 'U1'));
    expect(h1('user', 'C1')).not.toBe(h1('channel', 'C1'));
  });
});

describe('parseSince', () => {
  it('reads durations and ISO dates and names a bad value', () => {
    const now = Date.UTC(2026, 0, 8);
    expect(parseSince('7d', now)).toBe(Date.UTC(2026, 0, 1));
    expect(parseSince('12h', now)).toBe(now - 12 * 3_600_000);
    expect(parseSince('2026-01-02', now)).toBe(Date.UTC(2026, 0, 2));
    expect(() => parseSince('soon', now)).toThrow(/got "soon"/);
  });
});
