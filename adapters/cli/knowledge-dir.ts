/**
 * Which knowledge directory a command reads, and where that choice came from (`--knowledge`,
 * `KNOWLEDGE_DIR`, or the default `./knowledge`), so that a missing or invalid directory is
 * reported by its absolute path with the ways to point at another one.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, KnowledgeError } from '../../src/index';
import type { CliIo } from './command-spec';

export interface KnowledgeDir {
  /** As given (relative paths stay relative: problems print it as the user wrote it). */
  dir: string;
  from: '--knowledge' | 'KNOWLEDGE_DIR' | 'default';
}

/** `--knowledge`, else `$KNOWLEDGE_DIR`, else `./knowledge`. */
export function knowledgeDir(flag: string | undefined, env: NodeJS.ProcessEnv): KnowledgeDir {
  if (flag) return { dir: flag, from: '--knowledge' };
  if (env.KNOWLEDGE_DIR) return { dir: env.KNOWLEDGE_DIR, from: 'KNOWLEDGE_DIR' };
  return { dir: './knowledge', from: 'default' };
}

const ORIGIN: Record<KnowledgeDir['from'], string> = {
  '--knowledge': 'given with --knowledge',
  KNOWLEDGE_DIR: 'from KNOWLEDGE_DIR',
  default: 'the default, ./knowledge in the current directory',
};

/** Why `k` cannot be read as a knowledge directory (one line), or `undefined` when it is a directory. */
function unusableDirectory(k: KnowledgeDir): string | undefined {
  const full = resolve(k.dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(full).isDirectory();
  } catch {
    return `no knowledge directory at ${full} (${ORIGIN[k.from]}): pass --knowledge DIR or set KNOWLEDGE_DIR`;
  }
  if (!isDirectory)
    return `${full} is not a directory (${ORIGIN[k.from]}): pass --knowledge DIR or set KNOWLEDGE_DIR to the knowledge directory`;
  return undefined;
}

/**
 * Runs `body` with the knowledge directory checked first: a missing directory, or a knowledge
 * base with errors, is reported on standard error (exit 1) with the directory and how to check it.
 */
export async function withKnowledge(k: KnowledgeDir, io: CliIo, body: (dir: string) => Promise<number> | number): Promise<number> {
  const unusable = unusableDirectory(k);
  if (unusable) {
    io.stderr.write(`aws-qa: ${unusable}\n`);
    return 1;
  }
  try {
    return await body(k.dir);
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    for (const p of err.problems) io.stderr.write(`${formatProblem(p)}\n`);
    const again = k.from === '--knowledge' ? `aws-qa check --knowledge ${k.dir}` : 'aws-qa check';
    io.stderr.write(`aws-qa: the knowledge base in ${resolve(k.dir)} is invalid (${ORIGIN[k.from]}; ${again} lists every problem)\n`);
    return 1;
  }
}
