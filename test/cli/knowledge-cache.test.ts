/** The CLI's snapshot cache: hit when unchanged, rebuilt on change, harmless when broken or off. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeFingerprint, readKnowledgeSources, renderText } from '../../src/index';
import { cacheDirectory, codeStamp, loadAssistant, prepareCacheDirectory } from '../../adapters/cli/knowledge-cache';
import { knowledgeCopy } from '../helpers/knowledge';
import { tempDir } from '../helpers/temp-dir';

const freshCache = () => tempDir('aws-qa-cache-');

describe('loadAssistant', () => {
  it('writes one snapshot, then serves from it while the files are unchanged', () => {
    const cache = freshCache();
    const dir = knowledgeCopy();
    const first = renderText(loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }).ask('SLA for EKS'));
    expect(readdirSync(cache).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    const second = renderText(loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }).ask('SLA for EKS'));
    expect(second).toBe(first);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('rebuilds when a knowledge file changes, and answers from the new knowledge', () => {
    const cache = freshCache();
    const dir = knowledgeCopy();
    loadAssistant(dir, { AWS_QA_CACHE_DIR: cache });
    writeFileSync(join(dir, 'widgets.md'), '## Widget SLA?\n\n| Service | Monthly SLA |\n| --- | --- |\n| Widget Service | 99.1% |\n');
    expect(renderText(loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }).ask('widget service sla'))).toMatch(/99\.1%/);
    expect(readdirSync(cache).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });

  it('does not reuse a snapshot made by other code (the core rebuilt or edited)', () => {
    const cache = freshCache();
    const dir = knowledgeCopy();
    const core = tempDir('aws-qa-core-');
    writeFileSync(join(core, 'index.js'), '// v1');
    loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }, core);
    const before = codeStamp(core);
    utimesSync(join(core, 'index.js'), new Date(), new Date(Date.now() + 5_000));
    expect(codeStamp(core)).not.toBe(before);
    loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }, core);
    expect(readdirSync(cache).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });

  it('ignores a corrupt snapshot and rewrites it', () => {
    const cache = freshCache();
    const dir = knowledgeCopy();
    loadAssistant(dir, { AWS_QA_CACHE_DIR: cache });
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file), '{"format": 1, "fingerp');
    expect(renderText(loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }).ask('SLA for EKS'))).toMatch(/99\.95%/);
    expect(renderText(loadAssistant(dir, { AWS_QA_CACHE_DIR: cache }).ask('SLA for EKS'))).toMatch(/99\.95%/);
  });

  it('still reports invalid knowledge, cache or not', () => {
    const dir = knowledgeCopy({ 'bad.md': '## Empty?\n' });
    expect(() => loadAssistant(dir, { AWS_QA_CACHE_DIR: freshCache() })).toThrow(/bad\.md:1/);
  });

  it('is off with AWS_QA_CACHE_DIR=off', () => {
    expect(cacheDirectory({ AWS_QA_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDirectory({})).toMatch(/node_modules[/\\]\.cache[/\\]aws-qa$/);
  });
});

describe('an unusable AWS_QA_CACHE_DIR (issue 12 item 13)', () => {
  it.each(['/proc/self/aws-qa-cache', '/proc/1/no/such/dir', '/dev/null/cache'])(
    '%s: falls back to no cache with one warning, within a second',
    (dir) => {
      const warnings: string[] = [];
      const started = Date.now();
      const assistant = loadAssistant(knowledgeCopy(), { AWS_QA_CACHE_DIR: dir }, undefined, (m) => void warnings.push(m));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/cache directory unusable .*continuing without a cache/);
      expect(renderText(assistant.ask('SLA for EKS'))).toMatch(/99\.95/);
    },
  );

  it('prepares the directory itself in well under a second', () => {
    const started = Date.now();
    expect(prepareCacheDirectory('/proc/self/aws-qa-cache').ok).toBe(false);
    expect(prepareCacheDirectory(join(freshCache(), 'a', 'b', 'c')).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never reads a FIFO or /dev/zero standing where a snapshot would be (in a child process, so a hang cannot stall the test runner)', () => {
    const cache = freshCache();
    const dir = knowledgeCopy();
    const key = createHash('sha256')
      .update(`${knowledgeFingerprint(readKnowledgeSources(dir))}\0${codeStamp()}`)
      .digest('hex');
    execFileSync('mkfifo', [join(cache, `${key}.json`)]);
    const zeroCache = freshCache();
    symlinkSync('/dev/zero', join(zeroCache, `${key}.json`));
    const root = join(__dirname, '..', '..');
    for (const c of [cache, zeroCache]) {
      const script =
        `const { loadAssistant } = require(${JSON.stringify(join(root, 'adapters/cli/knowledge-cache.ts'))});` +
        `process.stdout.write(String(loadAssistant(${JSON.stringify(dir)}, { AWS_QA_CACHE_DIR: ${JSON.stringify(c)} }).ask('SLA for EKS').answered));`;
      const run = spawnSync(process.execPath, ['-r', join(root, 'test/server/helpers/ts-register.js'), '-e', script], {
        timeout: 20_000,
        encoding: 'utf8',
      });
      expect({ cache: c, signal: run.signal, stdout: run.stdout }).toEqual({ cache: c, signal: null, stdout: 'true' });
      // The run computed the same key: its fresh snapshot replaced the special file.
      expect(lstatSync(join(c, `${key}.json`)).isFile()).toBe(true);
    }
  });
});
