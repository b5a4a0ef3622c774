/**
 * Writes a synthetic knowledge base `factor` times the size of the real one, with the same
 * shapes: SLA tables, "X vs Y" comparison lists and tables, bold option lists with pros/cons,
 * and prose Q&A, over many invented services (`Service 17 Alpha`, …). For benchmarks only.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDS =
  'latency throughput storage cluster region replica backup snapshot queue stream batch cache index shard tenant quota gateway schema migration encryption audit'.split(
    ' ',
  );
const pick = (i: number, k: number): string => WORDS[(i * 7 + k * 13) % WORDS.length];

const GREEK = ['Alpha', 'Beta', 'Gamma'];

/**
 * The three services of group `n`. Without a pool every group has its own (`Service n Alpha`, …);
 * with a pool of `pool` services (`Product k Alpha`, …) groups share them, so a large knowledge base
 * holds hundreds of services, each in many groups, with every compared pair distinct.
 */
function services(n: number, pool?: number): [string, string, string] {
  if (!pool) return [`Service ${n} Alpha`, `Service ${n} Beta`, `Service ${n} Gamma`];
  const name = (k: number): string => `Product ${Math.floor(k / 3) + 1} ${GREEK[k % 3]}`;
  const a = n % pool;
  const b = (a + 1 + (Math.floor(n / pool) % (pool - 1))) % pool;
  let c = (a + pool - 1 - (Math.floor(n / pool) % (pool - 1))) % pool;
  if (c === b || c === a) c = (b + 1) % pool === a ? (b + 2) % pool : (b + 1) % pool;
  return [name(a), name(b), name(c)];
}

function section(n: number, pool?: number): string {
  const [a, b, c] = services(n, pool);
  const dims = ['Scaling', 'Deployment options', 'Pricing model', 'Use cases', 'Customization'];
  return [
    `## What are the availability SLAs for group ${n}?`,
    '',
    '| Service | Monthly Region-Level Availability SLA | Monthly Instance-Level Availability SLA |',
    '| --- | --- | --- |',
    `| ${a} | 99.9${n % 10}% | No specific instance-level SLA |`,
    `| ${b} | 99.5% | 99.${n % 10}% for single nodes |`,
    `| ${c} | No specific SLA published | No specific instance-level SLA |`,
    '',
    `## What are the differences between ${a} and ${b}?`,
    '',
    ...dims.flatMap((d, k) => [
      `${k + 1}. ${d}:`,
      `   * ${a}: Offers ${pick(n, k)} and ${pick(n, k + 1)} controls with ${pick(n, k + 2)} support.`,
      `   * ${b}: Provides ${pick(n, k + 3)} focused ${pick(n, k + 4)} with less configuration.`,
    ]),
    '',
    `| Feature | ${a} | ${b} |`,
    '| --- | --- | --- |',
    ...dims.map((d, k) => `| ${d} | ${pick(n, k)} first | ${pick(n, k + 5)} first |`),
    '',
    `## What are the options for group ${n}?`,
    '',
    ...[a, b, c].flatMap((s, k) => [
      `${k + 1}. **${s}**`,
      `   * Language support: Java, Python, Go`,
      '   * Pros:',
      `     * Strong ${pick(n, k)} story`,
      `     * Managed ${pick(n, k + 1)}`,
      '   * Cons:',
      `     * Limited ${pick(n, k + 2)} (${(n % 9) + 1} hours max)`,
      `   * Best for: ${pick(n, k + 3)} heavy workloads and ${pick(n, k + 4)} pipelines`,
    ]),
    '',
    `## How do I tune ${pick(n, 1)} for group ${n}?`,
    '',
    `Tuning ${pick(n, 1)} for group ${n} depends on ${pick(n, 2)} and ${pick(n, 3)}. Start with the ${pick(n, 4)} defaults.`,
    '',
    `1. Measure: record ${pick(n, 5)} before changing anything.`,
    `2. Adjust: raise the ${pick(n, 6)} limit gradually.`,
    '',
  ].join('\n');
}

/** Creates the directory (the real knowledge plus `sections` synthetic groups) and returns its path. */
export function writeSyntheticKnowledge(realDir: string, sections: number, options: { pool?: number; perFile?: number } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-qa-synthetic-'));
  cpSync(realDir, dir, { recursive: true });
  const perFile = options.perFile ?? 50;
  for (let f = 0; f * perFile < sections; f += 1) {
    const body = Array.from({ length: Math.min(perFile, sections - f * perFile) }, (_, i) =>
      section(f * perFile + i + 1, options.pool),
    ).join('\n');
    writeFileSync(join(dir, `synthetic-${String(f).padStart(3, '0')}.md`), `# Synthetic ${f}\n\n${body}`);
  }
  return dir;
}

/** Markdown bytes under `dir` (every `.md` file, not recursive). */
export function markdownBytes(dir: string): number {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);
}

/**
 * A knowledge base of about `megabytes` MB of markdown (1 MB = 2^20 bytes): the real knowledge plus
 * synthetic groups over a pool of 600 services (hundreds of services, each compared with many
 * others), 200 groups per file (about 0.5 MB, under the 1 MB a file should stay below).
 */
export function writeKnowledgeOfSize(realDir: string, megabytes: number): string {
  const perSection = Buffer.byteLength(section(1000, 600)) + 1;
  const sections = Math.ceil((megabytes * 1048576 - markdownBytes(realDir)) / perSection);
  return writeSyntheticKnowledge(realDir, sections, { pool: 600, perFile: 200 });
}

/** Size of the real knowledge in `##` entries, to scale the synthetic one. */
export function entryCount(realDir: string): number {
  return (readFileSync(join(realDir, 'aws-qa.md'), 'utf8').match(/^## /gm) ?? []).length;
}
