/** `aws-qa check --stale AGE`: the files reviewed longer ago (or never), with owner and date; exit 1 when any. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { staleCutoff } from '../../adapters/cli/check-stale';
import { FIXTURES_DIR, knowledgeCopy } from '../helpers/knowledge';
import { runCli } from '../helpers/run-cli';

const REVIEWED = readFileSync(join(FIXTURES_DIR, 'knowledge-reviewed', 'databases.md'), 'utf8');
const dirs: string[] = [];
const copy = (files: Record<string, string>): string => {
  const dir = knowledgeCopy(files);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const today = new Date().toISOString().slice(0, 10);

describe('aws-qa check --stale', () => {
  it('lists a file reviewed too long ago with its owner and date, and one never reviewed; exit 1', async () => {
    const r = await runCli(['check', '--stale', '180d', '--knowledge', copy({ 'databases.md': REVIEWED })], {});
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/: ok$/m);
    expect(r.out).toMatch(/^stale: 2 file\(s\) reviewed before \d{4}-\d{2}-\d{2} or never$/m);
    expect(r.out).toMatch(/^ {2}databases\.md +owner team-databases +reviewed 2024-01-15$/m);
    expect(r.out).toMatch(/^ {2}aws-qa\.md +\(no owner\) +never reviewed$/m);
  });

  it('leaves out a file reviewed after the cutoff (an ISO date works as the age)', async () => {
    const r = await runCli(['check', '--stale', '2024-01-01', '--knowledge', copy({ 'databases.md': REVIEWED })], {});
    expect(r.out).not.toContain('databases.md');
    expect(r.out).toMatch(/^ {2}aws-qa\.md/m);
    expect(r.code).toBe(1);
  });

  it('exits 0 when every file was reviewed recently enough', async () => {
    const fresh = REVIEWED.replace('2024-01-15', today);
    const dir = copy({ 'databases.md': fresh });
    rmSync(join(dir, 'aws-qa.md'));
    const r = await runCli(['check', '--stale', '180d', '--knowledge', dir], {});
    expect(r.out).toContain(`stale: none (every file was reviewed on or after ${staleCutoff('180d')})`);
    expect(r.code).toBe(0);
  });

  it('without --stale, a file never reviewed is no failure', async () => {
    const r = await runCli(['check', '--knowledge', copy({ 'databases.md': REVIEWED })], {});
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('stale');
  });

  it('refuses an age that is none, naming it (exit 2)', async () => {
    const r = await runCli(['check', '--stale', 'soon', '--knowledge', copy({})], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('--stale must be an age like 180d, 26w or an ISO date (got "soon")');
  });

  it('fails on a malformed review date as a check error with file and line', async () => {
    const r = await runCli(
      ['check', '--stale', '180d', '--knowledge', copy({ 'databases.md': REVIEWED.replace('2024-01-15', 'last week') })],
      {},
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('databases.md:3: front matter: reviewed must be an ISO date (YYYY-MM-DD)');
  });

  describe('staleCutoff', () => {
    it('is the date that many days back', () => {
      expect(staleCutoff('180d', Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-01-02');
      expect(staleCutoff('2w', Date.parse('2026-07-15T00:00:00Z'))).toBe('2026-07-01');
    });
  });
});
