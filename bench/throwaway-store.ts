/**
 * A store of its own for every server the bench starts: {@link spawnWithThrowawayStore} is
 * `child_process.spawn` that adds `DATA_DIR` (a fresh temporary directory, removed once the process
 * has exited, or when the bench ends first) unless the environment names a store (`DATA_DIR` or
 * `DATABASE_URL`). No run measures the rows of the runs before it, nor writes into the repository's
 * `data/`.
 */
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Spawns `node args` with `options.env` plus a throwaway `DATA_DIR` (see the module's doc). */
export function spawnWithThrowawayStore(args: string[], options: SpawnOptions & { env: Record<string, string | undefined> }): ChildProcess {
  const { env } = options;
  const dataDir = 'DATA_DIR' in env || 'DATABASE_URL' in env ? undefined : mkdtempSync(join(tmpdir(), 'aws-qa-bench-data-'));
  const proc = spawn(process.execPath, args, { ...options, env: dataDir ? { ...env, DATA_DIR: dataDir } : env });
  if (dataDir) {
    const remove = (): void => {
      try {
        rmSync(dataDir, { recursive: true, force: true });
      } catch {
        // A leftover temporary directory is not worth failing the bench for.
      }
    };
    process.once('exit', remove); // the bench itself ending first
    proc.once('exit', () => {
      process.off('exit', remove);
      remove();
    });
  }
  return proc;
}
