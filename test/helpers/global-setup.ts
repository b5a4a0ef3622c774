/** Jest `globalSetup`: records `./data` and points `TMPDIR` at the run's scratch directory (see run-hygiene.ts). */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, listing, saveState } from './run-hygiene';

export default function globalSetup(): void {
  const before = process.env.TMPDIR;
  const scratch = mkdtempSync(join(tmpdir(), 'aws-qa-test-run-'));
  // The store tests run PostgreSQL as the `postgres` user in a directory below this one.
  chmodSync(scratch, 0o755);
  process.env.TMPDIR = scratch;
  saveState({ data: listing(DATA_DIR), scratch, tmpdir: before });
}
