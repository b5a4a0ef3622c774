/** The CLI's snapshot cache: hit when unchanged, rebuilt on change, harmless when broken or off. */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderText } from '../../src/index';
import { cacheDirectory, codeStamp, loadAssistant } from '../../adapters/cli/knowledge-cache';
import { knowledgeCopy } from '../helpers/knowledge';

const freshCache = () => mkdtempSync(join(tmpdir(), 'aws-qa-cache-'));

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
    const core = mkdtempSync(join(tmpdir(), 'aws-qa-core-'));
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
