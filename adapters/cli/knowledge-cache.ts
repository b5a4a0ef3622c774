/**
 * The CLI's snapshot cache: the built knowledge base and index kept as JSON, keyed by the
 * fingerprint of the knowledge files, so that `aws-qa ask` starts without parsing markdown or
 * rebuilding the index. Any change to a knowledge file changes the fingerprint (a miss, then a
 * rebuild). The cache is optional: every failure to read or write it falls back to building.
 *
 * Location: `$AWS_QA_CACHE_DIR`, default `node_modules/.cache/aws-qa` in the project;
 * `AWS_QA_CACHE_DIR=off` disables it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  buildWithSnapshot, createAssistantFromSnapshot, knowledgeFingerprint, readKnowledgeSources,
  type Assistant, type KnowledgeSnapshot,
} from '../../src/index';

/** Snapshots kept; older ones are removed when a new one is written. */
const KEEP = 5;

/** The nearest directory above `from` holding a package.json. */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The cache directory, or undefined when caching is off. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.AWS_QA_CACHE_DIR;
  if (configured === 'off') return undefined;
  return configured || join(projectRoot(__dirname), 'node_modules', '.cache', 'aws-qa');
}

function readSnapshot(file: string, fingerprint: string): KnowledgeSnapshot | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as KnowledgeSnapshot;
    return snapshot.fingerprint === fingerprint ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

function writeSnapshot(dir: string, file: string, snapshot: KnowledgeSnapshot): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, file);
    const old = readdirSync(dir).filter((n) => n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP);
    for (const { n } of old) unlinkSync(join(dir, n));
  } catch {
    // The cache is an optimisation: a read-only or full disk only costs the next start its speed.
  }
}

/** The assistant for `knowledgeDir`, from the cache when the files are unchanged. Throws `KnowledgeError` like `createAssistant`. */
export function loadAssistant(knowledgeDir: string, env: NodeJS.ProcessEnv = process.env): Assistant {
  const sources = readKnowledgeSources(knowledgeDir);
  const dir = cacheDirectory(env);
  const fingerprint = knowledgeFingerprint(sources);
  const file = dir && join(dir, `${fingerprint}.json`);
  const cached = file ? readSnapshot(file, fingerprint) : undefined;
  if (cached) {
    try {
      return createAssistantFromSnapshot(cached);
    } catch {
      // A snapshot of another format: rebuilt below and overwritten.
    }
  }
  const built = buildWithSnapshot(sources);
  if (dir && file) writeSnapshot(dir, file, built.snapshot());
  return built.assistant;
}
