import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { LiveAssistant, type QuestionEvent } from '../../adapters/server/live-assistant';
import { createAssistant, MAX_WORD_LENGTH } from '../../src/index';
import { waitFor } from './helpers/requests';
import { KNOWLEDGE_DIR, ROOT } from './helpers/server';

const DATABASES = readFileSync(join(ROOT, 'test/fixtures/knowledge-extra/databases.md'), 'utf8');
/** A file with a `##` question and nothing under it: an error at line 3. */
const BROKEN = '# Broken\n\n## What is the SLA for Amazon Widgets?\n';

function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-qa-live-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

function live(dir: string, build?: (d: string) => ReturnType<typeof createAssistant>, rewatchMs?: number) {
  const lines: string[] = [];
  const questions: QuestionEvent[] = [];
  const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
  const assistant = new LiveAssistant({
    knowledgeDir: dir,
    logger,
    debounceMs: 100,
    build,
    rewatchMs,
    onQuestion: (event) => void questions.push(event),
  });
  return { assistant, questions, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/**
 * `dir` laid out as Kubernetes mounts a ConfigMap: the files in `..2026_01_01_00_00_00.1`,
 * `..data` linking to it, and each file's name linking to `..data/<name>`.
 */
function asConfigMap(dir: string): void {
  const version = '..2026_01_01_00_00_00.1';
  const names = readdirSync(dir);
  mkdirSync(join(dir, version));
  for (const name of names) renameSync(join(dir, name), join(dir, version, name));
  symlinkSync(version, join(dir, '..data'));
  for (const name of names) symlinkSync(join('..data', name), join(dir, name));
}

/** A ConfigMap update as the kubelet makes it: a new version directory, then a new `..data` link renamed over the old one. */
function updateConfigMap(dir: string, files: Record<string, string>): void {
  const old = readdirSync(dir).find((n) => n.startsWith('..2026'))!;
  const version = '..2026_01_02_00_00_00.2';
  cpSync(join(dir, old), join(dir, version), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, version, name), text);
  symlinkSync(version, join(dir, '..data_tmp'));
  renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
}

const neptune = (a: LiveAssistant): string => JSON.stringify(a.current().ask('SLA for Neptune'));

describe('LiveAssistant', () => {
  const dirs: string[] = [];
  const fresh = (): string => {
    const d = knowledgeCopy();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('reload', () => {
    it('swaps in a new knowledge base, then keeps it when a later change is invalid (logged with file:line)', async () => {
      const dir = fresh();
      const { assistant, logs } = live(dir);
      await assistant.load();
      expect(assistant.generation).toBe(1);
      expect(neptune(assistant)).not.toContain('99.9%');

      writeFileSync(join(dir, 'databases.md'), DATABASES);
      expect(await assistant.reload('test')).toBe(true);
      expect(assistant.generation).toBe(2);
      expect(neptune(assistant)).toContain('99.9%');
      expect(logs().find((l) => l.msg === 'knowledge base reloaded')).toMatchObject({ generation: 2, files: 2, reason: 'test' });

      writeFileSync(join(dir, 'broken.md'), BROKEN);
      expect(await assistant.reload('test')).toBe(false);
      expect(assistant.generation).toBe(2);
      expect(neptune(assistant)).toContain('99.9%');
      const rejected = logs().filter((l) => String(l.msg).startsWith('knowledge reload rejected'));
      expect(rejected).toEqual([
        expect.objectContaining({
          level: 50,
          file: 'broken.md',
          line: 3,
          msg: expect.stringContaining('broken.md:3: question "What is the SLA for Amazon Widgets?" has no answer'),
        }),
      ]);
      expect(
        logs().some((l) => l.msg === 'knowledge reload failed; still serving the last good knowledge base' && l.generation === 2),
      ).toBe(true);
    });

    it('keeps the last good one when the directory disappears', async () => {
      const dir = fresh();
      const { assistant, logs } = live(dir);
      await assistant.load();
      rmSync(dir, { recursive: true, force: true });
      expect(await assistant.reload('gone')).toBe(false);
      expect(assistant.current().ask('SLA for EKS').answered).toBe(true);
      expect(logs().some((l) => String(l.msg).includes('knowledge directory not found'))).toBe(true);
    });

    it('coalesces reloads asked for while one runs into one more', async () => {
      const dir = fresh();
      let builds = 0;
      const { assistant } = live(dir, (d) => {
        builds += 1;
        return createAssistant({ knowledgeDir: d });
      });
      await assistant.load();
      const results = await Promise.all([assistant.reload('a'), assistant.reload('b'), assistant.reload('c')]);
      expect(results).toEqual([true, true, true]);
      expect(builds).toBe(3); // the load, the first reload, one coalesced rerun
    });
  });

  describe('watch', () => {
    it('reloads by itself when a file changes, after the changes settle', async () => {
      const dir = fresh();
      const { assistant, logs } = live(dir);
      await assistant.load();
      assistant.watch();
      try {
        writeFileSync(join(dir, 'databases.md'), DATABASES.slice(0, 50));
        writeFileSync(join(dir, 'databases.md'), DATABASES); // a burst of writes: one reload
        await waitFor(() => assistant.generation === 2, 5000, 'the watch reload');
        await assistant.idle();
        expect(neptune(assistant)).toContain('99.9%');
        writeFileSync(join(dir, 'notes.txt'), 'not knowledge');
        // The watcher's decision on notes.txt is logged: wait for it instead of for time to pass.
        await waitFor(() => logs().some((l) => l.file === 'notes.txt' && String(l.msg).includes('ignored')), 5000, 'notes.txt ignored');
        expect(assistant.generation).toBe(2);
        expect(logs().filter((l) => String(l.reason).includes('notes.txt'))).toEqual([]);
        writeFileSync(join(dir, 'broken.md'), BROKEN);
        await waitFor(() => logs().some((l) => String(l.msg).includes('broken.md:3:')), 5000, 'the rejected reload');
        expect(neptune(assistant)).toContain('99.9%');
      } finally {
        assistant.close();
      }
    });
  });

  describe('watch a Kubernetes ConfigMap mount', () => {
    it('reloads when the kubelet swaps the ..data link, though no file name sees an event', async () => {
      const dir = fresh();
      writeFileSync(join(dir, 'databases.md'), DATABASES.replaceAll('99.9%', '99.5%'));
      asConfigMap(dir);
      const { assistant, logs } = live(dir);
      await assistant.load();
      expect(neptune(assistant)).toContain('99.5%');
      assistant.watch();
      try {
        updateConfigMap(dir, { 'databases.md': DATABASES });
        await waitFor(() => assistant.generation === 2, 5000, 'the reload after the ..data swap');
        await assistant.idle();
        expect(neptune(assistant)).toContain('99.9%');
        expect(logs().find((l) => l.msg === 'knowledge base reloaded')).toMatchObject({ reason: expect.stringContaining('..data') });
      } finally {
        assistant.close();
      }
    });
  });

  describe('watch errors (issue 12 item 7; the error event itself: knowledge-watcher.test.ts)', () => {
    it('keeps trying, with a growing backoff, while the directory is gone, and watches again once it is back', async () => {
      const dir = fresh();
      const { assistant, logs } = live(dir, undefined, 50);
      await assistant.load();
      const saved = `${dir}-saved`;
      renameSync(dir, saved);
      try {
        assistant.watch();
        await waitFor(() => logs().filter((l) => String(l.msg).startsWith('knowledge watch failed')).length >= 3, 3000, 'three attempts');
        const delays = logs()
          .filter((l) => String(l.msg).startsWith('knowledge watch failed'))
          .map((l) => l.retryMs);
        expect(delays.slice(0, 3)).toEqual([50, 100, 200]);
        renameSync(saved, dir);
        await waitFor(() => assistant.watching, 5000, 'the watcher armed again');
        expect(assistant.current().ask('SLA for EKS').answered).toBe(true);
      } finally {
        assistant.close();
      }
    });
  });

  describe('forPlatform', () => {
    it('answers with the current assistant and logs one line per question', async () => {
      const { assistant, logs } = live(KNOWLEDGE_DIR);
      await assistant.load();
      const slack = assistant.forPlatform('slack');
      expect(slack.ask('SLA for EKS').kind).toBe('sla');
      const lines = logs().filter((l) => l.msg === 'question answered');
      expect(lines).toEqual([
        expect.objectContaining({ platform: 'slack', intent: 'sla', kind: 'sla', answered: true, latencyMs: expect.any(Number) }),
      ]);
      expect(slack.stats().entries).toBeGreaterThan(0);
    });

    it('relies on the core to cap the text: the engine reads no word longer than MAX_WORD_LENGTH, the question log gets what was asked', async () => {
      const { assistant, questions } = live(KNOWLEDGE_DIR);
      await assistant.load();
      const asked = `SLA for Lambda ${'b'.repeat(100)} ${'😀'.repeat(70)}`;
      const { explain } = assistant.forPlatform('teams').route(asked, { explain: true });
      expect(explain?.read.unknown).toContain('b'.repeat(MAX_WORD_LENGTH));
      expect(explain?.read.unknown.every((w) => w.length <= MAX_WORD_LENGTH)).toBe(true);
      expect(questions.map((q) => [q.platform, q.question])).toEqual([['teams', asked]]); // the store normalizes and caps it
    });

    it('throws before the first load (adapters catch it per turn)', () => {
      const { assistant } = live(KNOWLEDGE_DIR);
      expect(() => assistant.forPlatform('teams').ask('hi')).toThrow('not loaded');
    });
  });
});
