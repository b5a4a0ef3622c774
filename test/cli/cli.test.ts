/** The built `aws-qa` command as a user runs it (npm test builds first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeCopy } from '../helpers/knowledge';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'aws-qa.js');
const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}, cwd = root) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: '', ...env } });
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

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
      const dir = knowledgeCopy({
        'extra.md': '## What is the SLA of the widgets?\n\n| Service | Monthly SLA |\n| --- | --- |\n| Widget Service | 99.1% |\n',
      });
      expect(run(['ask', '--knowledge', dir, 'widget service sla']).stdout).toMatch(/99\.1%/);
      expect(run(['ask', 'widget service sla'], undefined, { KNOWLEDGE_DIR: dir }).stdout).toMatch(/99\.1%/);
    });

    it('exits 2 with usage on a bad command', () => {
      const r = run(['frobnicate']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    });
  });

  describe('--explain', () => {
    it('ask prints the answer, then how it was read, every candidate and the decision', () => {
      const r = run(['ask', '--explain', 'Lambda or ECS for consuming an SQS queue?']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Not in the knowledge base: Amazon SQS\./);
      expect(r.stdout).toMatch(/^read: entities AWS Lambda, Amazon ECS · not covered Amazon SQS/m);
      expect(r.stdout.match(/^\* /gm)).toHaveLength(1);
      expect(r.stdout).toMatch(/^\* compare\+partial +0\.\d{3} /m);
      expect(r.stdout).toMatch(/^decision: .*fitted threshold 0\.\d+/m);
      expect(r.stdout).toMatch(/^chosen reading.s features .*answer\.relevance/m);
    });

    it('ask --json --explain adds the intent and the explain object to the Answer', () => {
      const r = run(['ask', '--json', '--explain', 'SLA for EKS']);
      const out = JSON.parse(r.stdout);
      expect(out.kind).toBe('sla');
      expect(out.intent).toBe('sla');
      expect(out.explain.candidates.filter((c: { chosen: boolean }) => c.chosen)).toEqual([expect.objectContaining({ intent: 'sla' })]);
    });

    it("batch --explain adds one explain object per record, whose chosen candidate is the record's intent", () => {
      const lines = ['SLA for EKS', 'tell me a joke', 'which of these support Go?']
        .map((q, i) => JSON.stringify({ id: `q${i}`, question: q }))
        .join('\n');
      const r = run(['batch', '--explain'], `${lines}\n`);
      const records = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(records).toHaveLength(3);
      for (const rec of records) {
        const chosen = rec.explain.candidates.filter((c: { chosen: boolean }) => c.chosen);
        expect(chosen).toHaveLength(1);
        expect(chosen[0].intent).toBe(rec.intent);
        expect(Object.keys(rec.explain.read).sort()).toEqual(['aspects', 'content', 'cues', 'entities', 'notCovered', 'unknown']);
      }
      expect(run(['batch'], `${lines}\n`).stdout).not.toMatch(/"explain"/);
    });
  });

  describe('command line', () => {
    it('prints the usage and exits 2 when run bare', () => {
      const r = run([]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^usage: aws-qa <command>/);
      for (const command of ['ask', 'batch', 'check']) expect(r.stderr).toContain(`aws-qa ${command} `);
    });

    it("prints the usage on --help and help, and a command's own usage on help ask and ask --help", () => {
      expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: aws-qa <command>/) });
      expect(run(['help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: aws-qa <command>/) });
      for (const args of [
        ['help', 'ask'],
        ['ask', '--help'],
        ['ask', '-h'],
      ]) {
        expect(run(args)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: aws-qa ask "question" \[--json\]/) });
      }
    });

    it('prints the version with --version', () => {
      expect(run(['--version'])).toMatchObject({ status: 0, stdout: `aws-qa ${version}\n` });
    });

    it.each([
      [['ask', '--format', 'slack', 'SLA for EKS'], 'aws-qa: ask does not take --format (batch takes it)'],
      [['batch', '--json'], 'aws-qa: batch does not take --json (ask and report take it)'],
      [['check', 'extra'], 'aws-qa: check takes no argument (got "extra")'],
      [['ask', '--frob', 'SLA for EKS'], 'aws-qa: unknown option --frob'],
      [['check', '-x'], 'aws-qa: unknown option -x'],
      [['--frob'], 'aws-qa: unknown option --frob (a command comes first: ask, batch, check, report)'],
      [['ask'], 'aws-qa: ask needs a question: aws-qa ask "question" [--json] [--explain] [--knowledge DIR]'],
      [['check', '--knowledge'], 'aws-qa: --knowledge needs a value'],
      [['ask', '--json=yes', 'SLA for EKS'], 'aws-qa: --json takes no value (got "--json=yes")'],
    ])('refuses %j with one line, then the usage, exit 2', (args, message) => {
      const r = run(args, '');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const [first, second] = r.stderr.split('\n');
      expect(first).toBe(message);
      expect(second).toBe('usage: aws-qa <command> [options]');
    });

    it('takes options before the command word too', () => {
      expect(run(['--knowledge', join(root, 'knowledge'), 'check'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/: ok$/m) });
    });
  });

  describe('outside the repository root', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'aws-qa-cwd-'));
    afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

    it.each([['ask', 'SLA for EKS'], ['check']])('%s names the directory it looked for and how to point at one', (...args) => {
      const r = run(args, undefined, {}, elsewhere);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `aws-qa: no knowledge directory at ${join(elsewhere, 'knowledge')} (the default, ./knowledge in the current directory): pass --knowledge DIR or set KNOWLEDGE_DIR\n`,
      );
    });

    it('says where the directory came from: KNOWLEDGE_DIR or --knowledge', () => {
      const missing = join(elsewhere, 'nowhere');
      expect(run(['check'], undefined, { KNOWLEDGE_DIR: missing }, elsewhere).stderr).toContain(
        `no knowledge directory at ${missing} (from KNOWLEDGE_DIR)`,
      );
      expect(run(['ask', '--knowledge', 'nowhere', 'x'], undefined, {}, elsewhere).stderr).toContain(
        `no knowledge directory at ${missing} (given with --knowledge)`,
      );
    });

    it('answers with --knowledge', () => {
      expect(run(['ask', '--knowledge', join(root, 'knowledge'), 'SLA for EKS'], undefined, {}, elsewhere).stdout).toMatch(/99\.95%/);
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
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatchObject({ id: 'a', answered: true, intent: 'sla' });
      expect(lines[0].text).toMatch(/99\.95/);
      expect(lines[0].sources[0].file).toBe('aws-qa.md');
      expect(lines[1]).toMatchObject({ id: 2, error: 'line 2: not JSON: each line is {"id": "q1", "question": "SLA for EKS"}' });
      expect(lines[2]).toMatchObject({ id: 'b', error: expect.stringMatching(/question/) });
      expect(lines[3]).toMatchObject({ id: 'c', error: expect.stringMatching(/4000/) });
      expect(lines[4]).toMatchObject({ id: 'd', answered: false, intent: expect.any(String) });
      expect(lines[5]).toMatchObject({ id: 6, error: expect.any(String) });
    });

    it('skips blank lines, numbers lines as read, and uses the line number when there is no id', () => {
      const input = [
        '',
        JSON.stringify({ question: 'SLA for EKS' }),
        '   ',
        JSON.stringify({ id: 'x', question: 'lambda timeout' }),
        JSON.stringify({ question: '' }),
      ].join('\n');
      const r = run(['batch'], `${input}\n\n`);
      expect(r.status).toBe(0);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        expect.objectContaining({ id: 2, answered: true, intent: 'sla' }),
        expect.objectContaining({ id: 'x', answered: true }),
        { id: 5, answered: false, error: 'line 5: "question" is empty' },
      ]);
    });

    it("explains a line without a question in the user's terms, not the validator's", () => {
      const input = [
        JSON.stringify({ id: 'q1', q: 'SLA for EKS' }),
        JSON.stringify({ id: 'q2', question: 42 }),
        'null',
        JSON.stringify({ id: [], question: 'x' }),
      ].join('\n');
      const lines = run(['batch'], `${input}\n`)
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        { id: 'q1', answered: false, error: 'line 1: no "question": each line is {"id": "q1", "question": "SLA for EKS"}' },
        { id: 'q2', answered: false, error: 'line 2: "question" must be a string' },
        { id: 3, answered: false, error: 'line 3: not an object: each line is {"id": "q1", "question": "SLA for EKS"}' },
        { id: 4, answered: false, error: 'line 4: "id" must be a string or a number (or left out: the line number is used)' },
      ]);
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
