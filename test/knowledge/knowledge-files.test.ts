/**
 * Issue 12 items 6-7: hostile knowledge directories. Only regular files are read (after symlinks),
 * at most their cap + 1 bytes, within a total cap; loops and dangling links are problems naming
 * the file. Every case runs both readers (synchronous for the CLI, asynchronous for the server).
 * Cases that would block a synchronous reader forever (a FIFO) run in a child process with a
 * timeout, so a regression cannot hang the test runner.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KnowledgeSources, readKnowledgeSources, readKnowledgeSourcesAsync } from '../../src/index';
import { knowledgeCopy } from '../helpers/knowledge';
import { tempDir } from '../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..');
const problemsOf = (s: KnowledgeSources) => s.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`);

/** Runs both readers of `dir` in a child process (20 s limit); resolves with what each found. */
function readInChild(dir: string, limits: Record<string, number> = {}): { sync: string[]; async: string[]; files: string[]; ms: number } {
  const script = `const { readKnowledgeSources, readKnowledgeSourcesAsync } = require(${JSON.stringify(join(ROOT, 'src/index.ts'))});
const errors = (s) => s.problems.filter((p) => p.severity === 'error').map((p) => p.file + ': ' + p.message);
const started = Date.now();
const a = readKnowledgeSources(${JSON.stringify(dir)}, ${JSON.stringify(limits)});
readKnowledgeSourcesAsync(${JSON.stringify(dir)}, ${JSON.stringify(limits)}).then((b) => {
  process.stdout.write(JSON.stringify({ sync: errors(a), async: errors(b), files: b.markdown.map((m) => m.file), ms: Date.now() - started }));
});`;
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', '-r', join(ROOT, 'test/server/helpers/ts-register.js'), '-e', script], { timeout: 20_000, encoding: 'utf8' });
  if (run.signal || run.status !== 0) throw new Error(`reader did not finish (${run.signal ?? run.status}): ${run.stderr.slice(0, 500)}`);
  return JSON.parse(run.stdout) as { sync: string[]; async: string[]; files: string[]; ms: number };
}

describe('reading a hostile knowledge directory', () => {
  it('refuses a FIFO named *.md without opening it for a blocking read', () => {
    const dir = knowledgeCopy();
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const result = readInChild(dir);
    expect(result.sync).toEqual(['pipe.md: not a regular file (a FIFO, device or socket is never read)']);
    expect(result.async).toEqual(result.sync);
    expect(result.ms).toBeLessThan(5000);
  });

  it('refuses a symlink to /dev/zero (a device reports size 0) and to /dev/null', () => {
    const dir = knowledgeCopy();
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync('/dev/null', join(dir, 'null.md'));
    const result = readInChild(dir);
    expect(result.sync).toEqual(['null.md: not a regular file (a FIFO, device or socket is never read)', 'zero.md: not a regular file (a FIFO, device or socket is never read)']);
    expect(result.async).toEqual(result.sync);
  });

  it('reads at most cap + 1 bytes of a file, whatever stat said', async () => {
    const dir = tempDir('aws-qa-kb-');
    writeFileSync(join(dir, 'small.md'), '## Small?\n\nYes.\n');
    writeFileSync(join(dir, 'big.md'), `## Big?\n\n${'word '.repeat(3000)}\n`);
    // A /proc file is a regular file whose stat size is 0 while it holds kilobytes.
    symlinkSync('/proc/self/maps', join(dir, 'proc.md'));
    for (const sources of [readKnowledgeSources(dir, { maxFileBytes: 1000 }), await readKnowledgeSourcesAsync(dir, { maxFileBytes: 1000 })]) {
      expect(problemsOf(sources)).toEqual(['big.md: file is over the 1000-byte limit', 'proc.md: file is over the 1000-byte limit']);
      expect(sources.markdown.map((m) => m.file)).toEqual(['small.md']);
    }
  });

  it('caps the directory\'s total size with a clear refusal', async () => {
    const dir = knowledgeCopy();
    for (let i = 0; i < 5; i += 1) writeFileSync(join(dir, `extra-${i}.md`), `## Extra ${i}?\n\n${'text '.repeat(20_000)}\n`);
    for (const sources of [readKnowledgeSources(dir, { maxTotalBytes: 250_000 }), await readKnowledgeSourcesAsync(dir, { maxTotalBytes: 250_000 })]) {
      const errors = problemsOf(sources);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/: the knowledge directory is over its 250000-byte total \(KNOWLEDGE_MAX_BYTES\); not read further$/);
    }
    expect(problemsOf(readKnowledgeSources(dir))).toEqual([]);
  });

  it('walks a directory symlink loop once, and names a dangling link or a file symlink loop', async () => {
    const dir = knowledgeCopy();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'more.md'), '## More?\n\nYes.\n');
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
    symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
    for (const sources of [readKnowledgeSources(dir), await readKnowledgeSourcesAsync(dir)]) {
      expect(problemsOf(sources)).toEqual(['dangling.md: cannot be read (ENOENT)', 'loop-a.md: cannot be read (ELOOP)', 'loop-b.md: cannot be read (ELOOP)']);
      expect(sources.markdown.filter((m) => m.file.endsWith('more.md')).map((m) => m.file)).toEqual(['sub/more.md']);
    }
  });

  it('follows a symlink to a regular file (Kubernetes ConfigMap mounts)', async () => {
    const dir = knowledgeCopy();
    mkdirSync(join(dir, '..data'));
    writeFileSync(join(dir, '..data', 'mounted.md'), '## Mounted?\n\nYes.\n');
    symlinkSync(join('..data', 'mounted.md'), join(dir, 'mounted.md'));
    for (const sources of [readKnowledgeSources(dir), await readKnowledgeSourcesAsync(dir)]) {
      expect(problemsOf(sources)).toEqual([]);
      expect(sources.markdown.find((m) => m.file === 'mounted.md')?.text).toBe('## Mounted?\n\nYes.\n');
    }
  });

  it('reads the same sources either way', async () => {
    const dir = knowledgeCopy();
    expect(await readKnowledgeSourcesAsync(dir)).toEqual(readKnowledgeSources(dir));
  });
});
