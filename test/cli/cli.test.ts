/** The built `aws-qa` command as a user runs it (npm test builds first). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { knowledgeCopy } from '../helpers/knowledge';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'aws-qa.js');
const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, ...env } });

describe('aws-qa', () => {
  describe('ask', () => {
    it('prints the plain-text answer', () => {
      const r = run(['ask', 'SLA for EKS']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/99\.95%/);
    });

    it('prints the Answer as JSON with --json', () => {
      const r = run(['ask', '--json', 'Lambda max execution time']);
      const answer = JSON.parse(r.stdout);
      expect(answer).toMatchObject({ kind: 'facet', answered: true });
      expect(JSON.stringify(answer.parts)).toMatch(/15 minutes max/);
    });

    it('takes --knowledge, else KNOWLEDGE_DIR', () => {
      const dir = knowledgeCopy({ 'extra.md': '## What is the SLA of the widgets?\n\n| Service | Monthly SLA |\n| --- | --- |\n| Widget Service | 99.1% |\n' });
      expect(run(['ask', '--knowledge', dir, 'widget service sla']).stdout).toMatch(/99\.1%/);
      expect(run(['ask', 'widget service sla'], undefined, { KNOWLEDGE_DIR: dir }).stdout).toMatch(/99\.1%/);
    });

    it('exits 2 with usage on a bad command', () => {
      const r = run(['frobnicate']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    });
  });

  describe('batch', () => {
    it('writes one JSON line per input line, errors included, and goes on', () => {
      const input = [
        JSON.stringify({ id: 'a', question: 'SLA for EKS' }),
        'this is not json',
        JSON.stringify({ id: 'b' }),
        JSON.stringify({ id: 'c', question: 'x'.repeat(4001) }),
        JSON.stringify({ id: 'd', question: 'tell me a joke' }),
        JSON.stringify([1, 2]),
      ].join('\n');
      const r = run(['batch'], `${input}\n`);
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatchObject({ id: 'a', answered: true, intent: 'sla' });
      expect(lines[0].text).toMatch(/99\.95/);
      expect(lines[0].sources[0].file).toBe('aws-qa.md');
      expect(lines[1]).toMatchObject({ id: 2, error: 'line 2: not JSON' });
      expect(lines[2]).toMatchObject({ id: 'b', error: expect.stringMatching(/question/) });
      expect(lines[3]).toMatchObject({ id: 'c', error: expect.stringMatching(/4000/) });
      expect(lines[4]).toMatchObject({ id: 'd', answered: false, intent: expect.any(String) });
      expect(lines[5]).toMatchObject({ id: 6, error: expect.any(String) });
    });

    it('rejects an unknown format clearly', () => {
      const r = run(['batch', '--format', 'discord'], '');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--format must be text, slack or teams/);
    });

    it.each(['slack', 'teams'])('adds the %s payload', (format) => {
      const r = run(['batch', '--format', format], `${JSON.stringify({ id: 1, question: 'SLA for EKS' })}\n`);
      if (r.status !== 0) throw new Error(r.stderr);
      const line = JSON.parse(r.stdout.trim());
      expect(JSON.stringify(line.payload)).toMatch(/99\.95/);
    });
  });

  describe('check', () => {
    it('says ok for the shipped knowledge', () => {
      const r = run(['check']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/ok$/m);
    });

    it('prints file:line problems and exits 1, without a stack trace', () => {
      const dir = knowledgeCopy({ 'bad.md': '# Bad\n\n## Empty question?\n' });
      const r = run(['check', '--knowledge', dir]);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('bad.md:3: question "Empty question?" has no answer under it');
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    });

    it('makes ask fail with the problems when the knowledge is invalid', () => {
      const dir = knowledgeCopy({ 'bad.md': '## Empty question?\n' });
      const r = run(['ask', '--knowledge', dir, 'SLA for EKS']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('bad.md:1:');
    });
  });
});
