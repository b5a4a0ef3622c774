/**
 * Issue 23, item 5: `aws-qa report` prints nothing from the store that a terminal acts on. Rows
 * are written straight into a real SQLite store (as an older build, or anyone with write access to
 * the file, could have left them), then the report is read in all three forms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../adapters/store/open-store';
import { runCli } from '../helpers/run-cli';

const ESC = '\u001b';
const HOSTILE_ANSWER_ID = `a${ESC}[2J${ESC}]0;pwned\u0007${ESC}]8;;https://evil.example/\u0007click${ESC}]8;;\u0007\n  99 down   0 up  forged line\u009b31m\u202e`;
const HOSTILE_QUESTION = `sla for eks${ESC}[31m\r\u2028forged`;
/** The characters of `text` a terminal could act on or that start a new line (tab and newline excepted). */
const unsafe = (text: string): string[] =>
  [...text].filter((c) => {
    const n = c.codePointAt(0)!;
    return (
      (n < 0x20 && c !== '\n' && c !== '\t') || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029 || (n >= 0x202a && n <= 0x202e)
    );
  });

describe('aws-qa report prints stored data safely', () => {
  const root = mkdtempSync(join(tmpdir(), 'aws-qa-report-escapes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    const { store } = await openStore({ kind: 'sqlite', dataDir: root, file: join(root, 'aws-qa.db') });
    await store.close();
    const db = new Database(join(root, 'aws-qa.db'));
    const now = Date.now();
    db.prepare("INSERT INTO questions (at, platform, answered, intent, answer_id, question) VALUES (?, 'slack', 0, 'not-found', ?, ?)").run(
      now,
      HOSTILE_ANSWER_ID,
      HOSTILE_QUESTION,
    );
    db.prepare("INSERT INTO votes (platform, answer_id, user_hash, question, vote, at) VALUES ('slack', ?, 'u1', ?, 'down', ?)").run(
      HOSTILE_ANSWER_ID,
      HOSTILE_QUESTION,
      now,
    );
    db.close();
  });

  it.each([[[] as string[]], [['--csv']], [['--json']]])('report %j', async (flags) => {
    const run = await runCli(['report', '--since', '1d', '--knowledge', join(root, 'no-knowledge'), ...flags], { DATA_DIR: root });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(unsafe(run.out)).toEqual([]);
    expect(run.out).not.toMatch(/^\s*99 down/m);
    expect(run.out).toContain('\\u001b[2J');
  });

  it('--json is still the same JSON value', async () => {
    const run = await runCli(['report', '--since', '1d', '--json'], { DATA_DIR: root });
    const report = JSON.parse(run.out);
    expect(report.downvoted[0].answerId).toBe(HOSTILE_ANSWER_ID);
  });
});
