import { cpSync, type FSWatcher, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { capWordLength, LiveAssistant, MAX_WORD_LENGTH } from '../../adapters/server/live-assistant';
import { createAssistant } from '../../src/index';
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
  const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
  const assistant = new LiveAssistant({ knowledgeDir: dir, logger, debounceMs: 100, build, rewatchMs });
  return { assistant, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
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

  describe('watch errors (issue 12 item 7)', () => {
    it('re-arms the watcher after an error, logs it, and reloads what changed meanwhile', async () => {
      const dir = fresh();
      const { assistant, logs } = live(dir, undefined, 50);
      await assistant.load();
      assistant.watch();
      try {
        const watcher = (assistant as unknown as { watcher: FSWatcher }).watcher;
        watcher.emit('error', Object.assign(new Error('ELOOP: too many symbolic links encountered'), { code: 'ELOOP' }));
        expect(assistant.watching).toBe(false);
        expect(logs().find((l) => String(l.msg).startsWith('knowledge watch failed'))).toMatchObject({
          level: 40,
          retryMs: 50,
          err: { code: 'ELOOP' },
        });
        writeFileSync(join(dir, 'databases.md'), DATABASES); // changed while not watching
        await waitFor(() => assistant.watching, 2000, 'the watcher re-armed');
        await waitFor(() => assistant.generation === 2, 5000, 'the reload after re-arming');
        await assistant.idle();
        expect(neptune(assistant)).toContain('99.9%');
        writeFileSync(join(dir, 'broken.md'), BROKEN); // and it watches again
        await waitFor(() => logs().some((l) => String(l.msg).includes('broken.md:3:')), 5000, 'a reload from the re-armed watcher');
      } finally {
        assistant.close();
      }
    });

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

    it('hands the engine no word longer than 64 characters, so one hostile word cannot stall the server', async () => {
      const { assistant } = live(KNOWLEDGE_DIR);
      await assistant.load();
      const started = performance.now();
      expect(assistant.forPlatform('teams').ask('a'.repeat(4000)).kind).toEqual(expect.any(String));
      expect(performance.now() - started).toBeLessThan(1000); // uncapped: ~12 s of CPU
      expect(capWordLength(`SLA for <@U123> ${'b'.repeat(100)} ${'😀'.repeat(70)}`)).toBe(
        `SLA for <@U123> ${'b'.repeat(MAX_WORD_LENGTH)} ${'😀'.repeat(MAX_WORD_LENGTH)}`,
      );
      expect(capWordLength('compare ECS and EKS')).toBe('compare ECS and EKS');
    });

    it('throws before the first load (adapters catch it per turn)', () => {
      const { assistant } = live(KNOWLEDGE_DIR);
      expect(() => assistant.forPlatform('teams').ask('hi')).toThrow('not loaded');
    });
  });
});
