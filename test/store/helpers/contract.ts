/**
 * The store contract: one suite, run against every implementation (SQLite on a temp file,
 * PostgreSQL on a throwaway cluster). Each test gets a fresh, migrated database from `fresh()`.
 */
import {
  createIdHasher,
  type QuestionRow,
  StoreHealth,
  storeEscalations,
  StoreRecorder,
  type Store,
  type VoteRow,
  WriteBuffer,
} from '../../../src/index';
import type { SqlClient } from '../../../adapters/store/sql-client';

/**
 * The message a promise rejects with. Not `.rejects.toThrow()`: better-sqlite3's native addon keeps
 * the Error class of the first jest context that loaded it, so in a later test file of the same
 * worker its errors are not `instanceof Error` there, and jest would call them "did not throw".
 */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { message?: unknown })?.message ?? error);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

export interface Fresh {
  store: Store;
  /** The same database, for looking at raw rows. */
  client: SqlClient;
  /** Extra cleanup after the store is closed (a separate `client`). */
  close?: () => Promise<void>;
}

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const question = (over: Partial<QuestionRow> = {}): QuestionRow => ({
  at: T0,
  platform: 'slack',
  answered: false,
  intent: 'not-found',
  answerId: 'nf-1',
  question: 'sla for route 53',
  workspace: null,
  team: null,
  channel: null,
  user: null,
  ...over,
});

export const vote = (over: Partial<VoteRow> = {}): VoteRow => ({
  at: T0,
  platform: 'slack',
  answerId: 'ans-eks',
  question: 'sla for eks',
  vote: 'down',
  user: 'u-hash-1',
  ...over,
});

export function describeStoreContract(name: string, fresh: () => Promise<Fresh>): void {
  describe(`store contract: ${name}`, () => {
    let f: Fresh;
    beforeEach(async () => {
      f = await fresh();
    });
    afterEach(async () => {
      await f.store.close();
      await f.close?.();
    });

    describe('report', () => {
      it('groups unanswered questions by text, most asked first, with when they were last asked', async () => {
        await f.store.write({
          questions: [
            question({ at: T0 }),
            question({ at: T0 + 5000, platform: 'teams' }),
            question({ at: T0 + 1000 }),
            question({ question: 'cloud run vs app runner', at: T0 + 9000 }),
            question({ question: 'sla for eks', answered: true, intent: 'sla', answerId: 'ans-eks' }),
          ],
          votes: [],
        });
        const report = await f.store.report({ since: T0 - 1 });
        expect(report.unanswered).toEqual([
          { question: 'sla for route 53', count: 3, lastAsked: new Date(T0 + 5000).toISOString() },
          { question: 'cloud run vs app runner', count: 1, lastAsked: new Date(T0 + 9000).toISOString() },
        ]);
        expect(report.top[0]).toEqual({ question: 'sla for route 53', count: 3, answered: 0 });
        expect(report.top).toContainEqual({ question: 'sla for eks', count: 1, answered: 1 });
        expect(report.totals.slack).toEqual({ questions: 4, answered: 1, unanswered: 3, up: 0, down: 0 });
        expect(report.totals.teams).toEqual({ questions: 1, answered: 0, unanswered: 1, up: 0, down: 0 });
        expect(report.totals.all.questions).toBe(5);
      });

      it('counts only what happened since the given time, and honours the limit', async () => {
        await f.store.write({
          questions: [question({ at: T0 - 86_400_000 }), question({ at: T0, question: 'newer' }), question({ at: T0, question: 'other' })],
          votes: [],
        });
        const report = await f.store.report({ since: T0 - 1, limit: 1 });
        expect(report.unanswered).toHaveLength(1);
        expect(report.totals.all.questions).toBe(2);
      });
    });

    describe('votes', () => {
      it('keeps one vote per user per answer, and the latest wins (a vote can be changed)', async () => {
        await f.store.write({ questions: [], votes: [vote({ vote: 'up', at: T0 }), vote({ user: 'u-hash-2', at: T0 })] });
        await f.store.write({ questions: [], votes: [vote({ vote: 'down', at: T0 + 1000 })] });
        await f.store.write({ questions: [], votes: [vote({ vote: 'up', at: T0 - 1000 })] }); // older than the stored one: ignored
        const report = await f.store.report({ since: T0 - 10_000 });
        expect(report.downvoted).toEqual([{ question: 'sla for eks', answerId: 'ans-eks', up: 0, down: 2 }]);
        expect(report.totals.slack).toMatchObject({ up: 0, down: 2 });
      });

      it('keeps playground votes apart: they never replace a platform vote and stay out of the lists', async () => {
        await f.store.write({ questions: [], votes: [vote({ vote: 'down' })] });
        await f.store.write({
          questions: [],
          votes: [vote({ platform: 'web', vote: 'up', at: T0 + 1 }), vote({ platform: 'web', answerId: 'ans-x', at: T0 + 1 })],
        });
        const report = await f.store.report({ since: T0 - 1 });
        expect(report.downvoted).toEqual([{ question: 'sla for eks', answerId: 'ans-eks', up: 0, down: 1 }]);
        expect(report.totals.web).toMatchObject({ up: 1, down: 1 });
        expect(report.totals.all).toMatchObject({ up: 0, down: 1 });
        const withPlayground = await f.store.report({ since: T0 - 1, platforms: ['slack', 'teams', 'web'] });
        expect(withPlayground.downvoted).toEqual(
          expect.arrayContaining([
            { question: 'sla for eks', answerId: 'ans-eks', up: 1, down: 1 },
            { question: 'sla for eks', answerId: 'ans-x', up: 0, down: 1 },
          ]),
        );
      });

      it('applies a batch in one transaction: a refused row leaves nothing of its batch', async () => {
        const bad = vote({ vote: 'sideways' as 'up' });
        expect(await rejection(f.store.write({ questions: [question({ question: 'in the bad batch' })], votes: [bad] }))).toMatch(
          /check constraint/i,
        );
        expect((await f.store.report({ since: 0 })).totals.all.questions).toBe(0);
        await f.store.ping();
      });
    });

    describe('claim', () => {
      it('claims a key once until it expires', async () => {
        expect(await f.store.claim('slack:Ev1', T0, 60_000)).toBe(true);
        expect(await f.store.claim('slack:Ev1', T0 + 59_999, 60_000)).toBe(false);
        expect(await f.store.claim('slack:Ev2', T0, 60_000)).toBe(true);
        expect(await f.store.claim('slack:Ev1', T0 + 60_000, 60_000)).toBe(true);
      });

      it('gives exactly one of many simultaneous claims of a key', async () => {
        const results = await Promise.all(Array.from({ length: 12 }, () => f.store.claim('slack:EvRace', T0, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('escalations', () => {
      const hash = createIdHasher('contract-test-key-0123456789');
      const escalation = { platform: 'slack' as const, answerId: 'nf-1', question: '<@UBOT> SLA for Route 53?', user: 'UALICE0001' };

      it('records one escalation per asker and answer, counts askers per question in the report', async () => {
        let now = T0;
        const log = storeEscalations(f.store, hash, () => now);
        expect(await log.claim(escalation)).toBe(true);
        now += 1000;
        expect(await log.claim(escalation)).toBe(false);
        expect(await log.claim({ ...escalation, user: 'UBOB0002' })).toBe(true);
        now += 1000;
        expect(
          await log.claim({ ...escalation, platform: 'teams', answerId: 'nf-2', question: 'cloud run vs app runner', user: '29:x' }),
        ).toBe(true);
        expect(await log.claim({ ...escalation, platform: 'web', user: 'anyone' })).toBe(true);
        const report = await f.store.report({ since: T0 - 1 });
        expect(report.escalated).toEqual([
          { question: 'sla for route 53', count: 2, lastAsked: new Date(T0 + 1000).toISOString() },
          { question: 'cloud run vs app runner', count: 1, lastAsked: new Date(T0 + 2000).toISOString() },
        ]);
        const rows = JSON.stringify(await f.client.all('SELECT * FROM escalations'));
        for (const id of ['UALICE0001', 'UBOB0002', '29:x']) expect(rows).not.toContain(id);
      });

      it('forgets a withdrawn escalation (its post failed), so it can be claimed again', async () => {
        const log = storeEscalations(f.store, hash, () => T0);
        expect(await log.claim(escalation)).toBe(true);
        await log.withdraw(escalation);
        expect((await f.store.report({ since: 0 })).escalated).toEqual([]);
        expect(await log.claim(escalation)).toBe(true);
      });

      it('are purged with the questions', async () => {
        await storeEscalations(f.store, hash, () => T0 - 100).claim(escalation);
        await storeEscalations(f.store, hash, () => T0 + 100).claim({ ...escalation, user: 'UBOB0002' });
        await f.store.purge(T0, T0);
        expect((await f.store.report({ since: 0 })).escalated).toEqual([
          { question: 'sla for route 53', count: 1, lastAsked: new Date(T0 + 100).toISOString() },
        ]);
      });
    });

    describe('purge', () => {
      it('deletes questions and votes older than the cut-off and expired keys', async () => {
        await f.store.write({
          questions: [question({ at: T0 - 100 }), question({ at: T0 + 100 })],
          votes: [vote({ at: T0 - 100 }), vote({ user: 'u2', at: T0 + 100 })],
        });
        await f.store.claim('old', T0 - 10_000, 1000);
        await f.store.claim('live', T0, 60_000);
        expect(await f.store.purge(T0, T0)).toEqual({ questions: 1, votes: 1, keys: 1, erased: true });
        expect(await f.store.claim('live', T0 + 1, 60_000)).toBe(false);
        expect((await f.store.report({ since: 0 })).totals.all).toMatchObject({ questions: 1, down: 1 });
      });
    });

    describe('setting', () => {
      it('creates a setting once; every caller, even at once, gets the same value', async () => {
        let n = 0;
        const values = await Promise.all(Array.from({ length: 5 }, () => f.store.setting('hash-key', () => `v${(n += 1)}`)));
        expect(new Set(values).size).toBe(1);
        expect(await f.store.setting('hash-key', () => 'other')).toBe(values[0]);
      });
    });

    describe('privacy', () => {
      it('stores no workspace, team, channel or user id in clear, only keyed hashes', async () => {
        const health = new StoreHealth(silent);
        const buffer = new WriteBuffer({ store: f.store, health, logger: silent });
        const recorder = new StoreRecorder({ buffer, hash: createIdHasher('contract-test-key-0123456789') });
        const ids = { workspace: 'TWORKSPACE42', team: '19:team-7@thread.tacv2', channel: 'CCHANNEL99', user: 'UALICE0001' };
        recorder.question({
          platform: 'slack',
          question: '<@UBOT> SLA for Route 53?',
          intent: 'not-found',
          answer: { id: 'nf', answered: false },
          asker: ids,
        });
        await recorder.record({
          platform: 'slack',
          question: 'SLA for EKS',
          answerId: 'a1',
          vote: 'down',
          user: 'UALICE0001',
          at: new Date(T0).toISOString(),
        });
        expect(await buffer.drain()).toBe(true);
        const rows = [...(await f.client.all('SELECT * FROM questions')), ...(await f.client.all('SELECT * FROM votes'))];
        const dump = JSON.stringify(rows);
        for (const id of Object.values(ids)) expect(dump).not.toContain(id);
        expect(dump).toContain('sla for route 53');
        const q = rows[0] as Record<string, unknown>;
        for (const column of ['workspace_hash', 'team_hash', 'channel_hash', 'user_hash']) expect(q[column]).toMatch(/^[0-9a-f]{32}$/);
        expect(q.user_hash).toBe((rows[1] as Record<string, unknown>).user_hash);
      });
    });
  });
}
