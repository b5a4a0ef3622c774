/**
 * Issue 23, item 7, on a real SQLite store: no id in clear in any de-duplication key (a Slack
 * click without `trigger_id` is keyed by its user id), and `QUESTION_LOG=off` keeps no question
 * text anywhere: no question rows, votes with the answer id only.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toStoreConfig } from '../../adapters/store/store-config';
import { startStoreRuntime } from '../../adapters/store/store-runtime';

const root = mkdtempSync(join(tmpdir(), 'aws-qa-clear-text-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const bytes = (file: string): string =>
  Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f))).toString('latin1');

describe('nothing in clear in the store', () => {
  it('hashes every de-duplication key (a click keyed by its user id included)', async () => {
    const dataDir = join(root, 'dedupe');
    const runtime = await startStoreRuntime({ config: toStoreConfig({ DATA_DIR: dataDir }, root), logger: silent });
    try {
      expect(await runtime.slackDedupe.firstSeen('action:U0SECRET1:1700000000.000100:aws_qa_feedback_up')).toBe(true);
      expect(await runtime.slackDedupe.firstSeen('Ev0SECRET2')).toBe(true);
    } finally {
      await runtime.close();
    }
    const db = new Database(join(dataDir, 'aws-qa.db'), { readonly: true });
    try {
      const keys = (db.prepare('SELECT key FROM dedupe_keys').all() as { key: string }[]).map((r) => r.key);
      expect(keys).toHaveLength(2);
      for (const key of keys) expect(key).toMatch(/^slack:[0-9a-f]{32}$/);
    } finally {
      db.close();
    }
    expect(bytes(join(dataDir, 'aws-qa.db'))).not.toMatch(/U0SECRET1|Ev0SECRET2/);
  });

  it('QUESTION_LOG=off: no question rows, and votes keep the answer id only', async () => {
    const dataDir = join(root, 'off');
    const runtime = await startStoreRuntime({ config: toStoreConfig({ DATA_DIR: dataDir, QUESTION_LOG: 'off' }, root), logger: silent });
    try {
      runtime.recorder.question({
        platform: 'slack',
        question: 'the zanzibar question',
        intent: 'not-found',
        answer: { id: 'not-found-1', answered: false },
      });
      await runtime.recorder.record({
        platform: 'slack',
        question: 'the zanzibar question',
        answerId: 'not-found-1',
        vote: 'down',
        user: 'U0001',
        at: new Date().toISOString(),
      });
      expect(await runtime.buffer.drain()).toBe(true);
    } finally {
      await runtime.close();
    }
    const db = new Database(join(dataDir, 'aws-qa.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM questions').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT answer_id, question, vote FROM votes').all()).toEqual([
        { answer_id: 'not-found-1', question: '', vote: 'down' },
      ]);
    } finally {
      db.close();
    }
    expect(bytes(join(dataDir, 'aws-qa.db'))).not.toContain('zanzibar');
  });
});
