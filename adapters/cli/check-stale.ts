/**
 * `aws-qa check --stale 180d`: the knowledge files reviewed longer ago than that (their front
 * matter's `reviewed` date), or never, each with its owner and date, so a knowledge repository's
 * CI can nag. The age is a duration (`180d`, `26w`) back from today, or an ISO date.
 */
import { fileReviews, parseSince, readKnowledgeSources, staleFiles, type FileReview } from '../../src/index';
import type { CliIo } from './command-spec';

/** The cutoff date (`YYYY-MM-DD`) `value` means at `now`; throws an Error naming the value when it is no age. */
export function staleCutoff(value: string, now = Date.now()): string {
  let at: number;
  try {
    at = parseSince(value, now);
  } catch {
    throw new Error(`--stale must be an age like 180d, 26w or an ISO date (got "${value}")`);
  }
  return new Date(at).toISOString().slice(0, 10);
}

/** The stale files' lines: `file  owner OWNER  reviewed DATE` (or `(no owner)`, `never reviewed`), aligned. */
export function formatStale(stale: readonly FileReview[], cutoff: string): string[] {
  if (stale.length === 0) return [`stale: none (every file was reviewed on or after ${cutoff})`];
  const width = Math.max(...stale.map((r) => r.file.length));
  const owners = stale.map((r) => (r.owner ? `owner ${r.owner}` : '(no owner)'));
  const ownerWidth = Math.max(...owners.map((o) => o.length));
  return [
    `stale: ${stale.length} file(s) reviewed before ${cutoff} or never`,
    ...stale.map(
      (r, i) => `  ${r.file.padEnd(width)}  ${owners[i].padEnd(ownerWidth)}  ${r.reviewed ? `reviewed ${r.reviewed}` : 'never reviewed'}`,
    ),
  ];
}

/** Writes the stale report for `dir` (files reviewed before `cutoff`, `YYYY-MM-DD`) to `io.stdout`; 1 when any file is stale, else 0. */
export function reportStale(dir: string, cutoff: string, io: Pick<CliIo, 'stdout'>): number {
  const stale = staleFiles(fileReviews(readKnowledgeSources(dir)), cutoff);
  for (const line of formatStale(stale, cutoff)) io.stdout.write(`${line}\n`);
  return stale.length > 0 ? 1 : 0;
}
