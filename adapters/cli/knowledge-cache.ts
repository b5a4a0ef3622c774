/**
 * The CLI's snapshot cache: the built knowledge base and index kept as JSON, keyed by the
 * fingerprint of the knowledge files and a stamp of the core's code, so that `aws-qa ask` starts
 * without parsing markdown or rebuilding the index. Any change to a knowledge file, or a rebuild
 * of the core, changes the key (a miss, then a rebuild). The cache is optional: every failure to
 * read or write it falls back to building.
 *
 * Location: `$AWS_QA_CACHE_DIR`, default `node_modules/.cache/aws-qa` in the project;
 * `AWS_QA_CACHE_DIR=off` disables it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** The core's source or build directory (`src/`, or `dist/src/` when built). */
export const CORE_DIR = join(__dirname, '..', '..', 'src');

/**
 * A stamp of the code that builds snapshots: path, size and modification time of every file under
 * `coreDir`. A rebuild or an edit changes it, so a snapshot made by other code is never reused.
 */
export function codeStamp(coreDir: string = CORE_DIR): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else hash.update(`${relative(coreDir, full)}\0${st.size}\0${st.mtimeMs}\0`);
    }
  };
  try { walk(coreDir); } catch { hash.update('unreadable'); }
  return hash.digest('hex');
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
export function loadAssistant(knowledgeDir: string, env: NodeJS.ProcessEnv = process.env, coreDir: string = CORE_DIR): Assistant {
  const sources = readKnowledgeSources(knowledgeDir);
  const dir = cacheDirectory(env);
  const fingerprint = knowledgeFingerprint(sources);
  const key = createHash('sha256').update(`${fingerprint}\0${codeStamp(coreDir)}`).digest('hex');
  const file = dir && join(dir, `${key}.json`);
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
