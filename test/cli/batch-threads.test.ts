/** `aws-qa batch` (the built command, as a user runs it) answering lines that share a "thread" as one conversation. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'aws-qa.js');

/** Runs `aws-qa batch` on `lines` (one JSON value each) and returns its records by id. */
function batch(lines: unknown[]): Map<unknown, Record<string, unknown>> {
  const input = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const r = spawnSync(process.execPath, [bin, 'batch'], { cwd: root, input, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: '' } });
  expect(r.status).toBe(0);
  const records = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(records).toHaveLength(lines.length);
  return new Map(records.map((rec) => [rec.id, rec]));
}
const SLA_LAMBDA = /Availability SLA: Lambda[\s\S]*99\.95%/;

describe('aws-qa batch', () => {
  describe('lines that share a thread', () => {
    it('answers each in the context of the earlier ones', () => {
      const out = batch([
        { id: 'q1', question: 'SLA for EC2', thread: 't' },
        { id: 'q2', question: 'and for Lambda?', thread: 't' },
      ]);
      expect(out.get('q2')).toMatchObject({ answered: true, intent: 'sla', text: expect.stringMatching(SLA_LAMBDA) });
    });

    it('takes a number as a thread', () => {
      const out = batch([
        { id: 'q1', question: 'pros of Beanstalk', thread: 7 },
        { id: 'q2', question: 'and the cons?', thread: 7 },
      ]);
      expect(out.get('q2')?.text).toMatch(/Elastic Beanstalk: cons[\s\S]*Less flexible/);
    });

    it('keeps the context across a bad line of the same thread', () => {
      const out = batch([
        { id: 'q1', question: 'SLA for EC2', thread: 't' },
        { id: 'q2', question: '', thread: 't' },
        { id: 'q3', question: 'and for Lambda?', thread: 't' },
      ]);
      expect(out.get('q2')).toMatchObject({ answered: false, error: expect.any(String) });
      expect(out.get('q3')?.text).toMatch(SLA_LAMBDA);
    });
  });

  describe('lines of different threads, or of none', () => {
    it('answers them independently', () => {
      const alone = batch([{ id: 'q', question: 'and for Lambda?' }]).get('q');
      expect(alone?.text).not.toMatch(SLA_LAMBDA);
      const out = batch([
        { id: 'a1', question: 'SLA for EC2', thread: 'a' },
        { id: 'b1', question: 'and for Lambda?', thread: 'b' },
        { id: 'n1', question: 'SLA for EC2' },
        { id: 'n2', question: 'and for Lambda?' },
      ]);
      expect(out.get('b1')).toEqual({ ...alone, id: 'b1' });
      expect(out.get('n2')).toEqual({ ...alone, id: 'n2' });
    });

    it('keeps each of interleaved threads in its own context', () => {
      const out = batch([
        { id: 'a1', question: 'SLA for EC2', thread: 'a' },
        { id: 'b1', question: 'pros of Beanstalk', thread: 'b' },
        { id: 'a2', question: 'and for Lambda?', thread: 'a' },
        { id: 'b2', question: 'and the cons?', thread: 'b' },
        { id: 'a3', question: 'and ECS?', thread: 'a' },
      ]);
      expect(out.get('a2')?.text).toMatch(SLA_LAMBDA);
      expect(out.get('b2')?.text).toMatch(/Elastic Beanstalk: cons/);
      expect(out.get('b2')?.text).not.toMatch(/SLA|Lambda/);
      expect(out.get('a3')?.text).toMatch(/Availability SLA: ECS[\s\S]*99\.99%/);
    });
  });

  describe('a thread that is not a string or a number', () => {
    it('yields an error line naming "thread" (an object, an array, a boolean, null), and the batch goes on', () => {
      const bad: unknown[] = [{ id: 1 }, ['t'], true, null];
      const out = batch([
        ...bad.map((thread, i) => ({ id: `bad${i}`, question: 'SLA for EC2', thread })),
        { id: 'next', question: 'SLA for EKS', thread: 't' },
      ]);
      bad.forEach((_, i) =>
        expect(out.get(`bad${i}`)).toEqual({
          id: `bad${i}`,
          answered: false,
          error: `line ${i + 1}: "thread" must be a string or a number (lines that share it are one conversation)`,
        }),
      );
      expect(out.get('next')).toMatchObject({ answered: true, intent: 'sla' });
    });
  });
});
