/**
 * The knowledge watcher on a real directory with the real `fs.watch`: changes settle into one
 * `onChange`, other files are ignored (logged), a ConfigMap `..data` swap counts, and an error
 * re-arms the watcher after a back-off, followed by an `onChange`.
 */
import { type FSWatcher, mkdirSync, renameSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { isKnowledgeChange, KnowledgeWatcher, type WatchFn } from '../../adapters/server/knowledge-watcher';
import { tempDir } from '../helpers/temp-dir';
import { waitFor } from './helpers/requests';

function watcherOn(dir: string, rewatchMs = 50, debounceMs = 50) {
  const lines: Record<string, unknown>[] = [];
  const changes: string[] = [];
  const opened: FSWatcher[] = [];
  const recording: WatchFn = (d, options, listener) => {
    const w = watch(d, options, listener);
    opened.push(w);
    return w;
  };
  const watcher = new KnowledgeWatcher({
    dir,
    logger: pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) }),
    onChange: (reason) => void changes.push(reason),
    debounceMs,
    rewatchMs,
    watch: recording,
  });
  return { watcher, lines, changes, opened };
}

describe('isKnowledgeChange', () => {
  it.each([
    ['compute.md', true],
    ['sub/dir/notes.MARKDOWN', true],
    ['services.yml', true],
    ['catalog.yaml', true],
    ['..data', true],
    ['..data_tmp', true],
    ['..2026_01_02_00_00_00.2', true],
    [null, true],
    ['notes.txt', false],
    ['.md.swp', false],
    ['.hidden', false],
    ['sub/..data/readme.txt', false],
  ])('%s → %s', (name, expected) => {
    expect(isKnowledgeChange(name)).toBe(expected);
  });
});

describe('KnowledgeWatcher', () => {
  it('turns a burst of changes into one onChange after the quiet time, and ignores other files (logged)', async () => {
    const dir = tempDir('aws-qa-watch-');
    const { watcher, lines, changes } = watcherOn(dir, 50, 200);
    watcher.start();
    try {
      expect(watcher.watching).toBe(true);
      writeFileSync(join(dir, 'a.md'), '# A\n');
      writeFileSync(join(dir, 'a.md'), '# A again\n');
      await waitFor(() => changes.length > 0, 5000, 'the change reported');
      await watcher.settled();
      expect(changes).toEqual(['changed: a.md']);
      writeFileSync(join(dir, 'notes.txt'), 'not knowledge');
      await waitFor(() => lines.some((l) => l.file === 'notes.txt' && String(l.msg).includes('ignored')), 5000, 'notes.txt ignored');
      expect(watcher.pending).toBe(false);
      expect(changes).toEqual(['changed: a.md']);
    } finally {
      watcher.close();
    }
  });

  it('sees a ConfigMap swap: a new ..data link renamed over the old one', async () => {
    const dir = tempDir('aws-qa-watch-');
    mkdirSync(join(dir, '..v1'));
    mkdirSync(join(dir, '..v2'));
    symlinkSync('..v1', join(dir, '..data'));
    const { watcher, changes } = watcherOn(dir);
    watcher.start();
    try {
      symlinkSync('..v2', join(dir, '..data_tmp'));
      renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
      await waitFor(() => changes.length > 0, 5000, 'the swap to be seen');
      expect(changes[0]).toMatch(/^changed: \.\.data/);
    } finally {
      watcher.close();
    }
  });

  it('closes, logs and re-arms the watcher after an error, then reports a change (it may have missed some)', async () => {
    const dir = tempDir('aws-qa-watch-');
    const { watcher, lines, changes, opened } = watcherOn(dir);
    watcher.start();
    try {
      opened[0].emit('error', Object.assign(new Error('ELOOP: too many symbolic links encountered'), { code: 'ELOOP' }));
      expect(watcher.watching).toBe(false);
      expect(lines.find((l) => String(l.msg).startsWith('knowledge watch failed'))).toMatchObject({
        level: 40,
        retryMs: 50,
        err: { code: 'ELOOP' },
      });
      const before = opened.length;
      await waitFor(() => watcher.watching, 5000, 'the watcher re-armed');
      expect(opened.length).toBeGreaterThan(before);
      await waitFor(() => changes.includes('watch re-armed'), 5000, 'the change after re-arming');
      writeFileSync(join(dir, 'b.md'), '# B\n'); // and it watches again
      await waitFor(() => changes.includes('changed: b.md'), 5000, 'a change seen by the re-armed watcher');
    } finally {
      watcher.close();
    }
  });

  it('doubles the back-off while the directory is missing, and stops trying once closed', async () => {
    const dir = join(tempDir('aws-qa-watch-'), 'missing');
    const { watcher, lines } = watcherOn(dir, 20);
    watcher.start();
    const failures = (): unknown[] => lines.filter((l) => String(l.msg).startsWith('knowledge watch failed')).map((l) => l.retryMs);
    await waitFor(() => failures().length >= 4, 5000, 'four attempts');
    watcher.close();
    expect(failures().slice(0, 4)).toEqual([20, 40, 80, 160]);
    expect(watcher.watching).toBe(false);
    expect(watcher.pending).toBe(false);
  });
});
