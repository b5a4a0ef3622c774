/** Jest `globalTeardown`: fails the run when `./data` changed or a test left files in the scratch directory (see run-hygiene.ts). */
import { readdirSync, rmSync } from 'node:fs';
import { DATA_DIR, difference, listing, loadState } from './run-hygiene';

export default function globalTeardown(): void {
  const state = loadState();
  if (!state) return;
  if (state.tmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = state.tmpdir;
  const left = readdirSync(state.scratch);
  rmSync(state.scratch, { recursive: true, force: true });
  const changed = difference(state.data, listing(DATA_DIR));
  const problems = [
    ...(changed.length > 0 ? [`the tests changed ${DATA_DIR} (give the server a throwaway DATA_DIR):\n  ${changed.join('\n  ')}`] : []),
    ...(left.length > 0 ? [`the tests left ${left.length} temporary file(s) behind (now removed): ${left.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
