/**
 * The shape every stored field must have, checked at the store's edge (the recorder) before a row
 * is queued: a bad row is refused there, alone, and never reaches a transaction it could make the
 * database reject (a NUL byte in an answer id made PostgreSQL refuse the whole batch, dropping
 * every other row written with it).
 *
 * - ids (`answerId`, `intent`): a strict pattern, letters, digits and `._:-`, bounded;
 * - hashes: 32 lower-case hex digits (keyed hashes), or null where a platform has none;
 * - text (`question`): no control or format character, at most {@link MAX_LOGGED_QUESTION};
 * - `platform`, `vote`: their literal unions; `at`: a whole number of ms within years 2000–2200.
 */
import { MAX_LOGGED_QUESTION } from './logged-question';
import { STORE_PLATFORMS, type QuestionRow, type VoteRow } from './store';

/** `Answer.id` (`sla-660bd129bac37743`) and the like: what an id may look like, at most 128 characters. */
export const STORED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** The router's intent (`sla`, `not-found`): at most 64 characters. */
export const STORED_INTENT = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** A keyed hash (`keyed-hash.ts`). */
export const STORED_HASH = /^[0-9a-f]{32}$/;
/** Characters no stored text may hold: controls (NUL included), format characters, line separators. */
const UNSTORABLE_TEXT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

const MIN_AT = Date.UTC(2000, 0, 1);
const MAX_AT = Date.UTC(2200, 0, 1);

const validAt = (at: unknown): boolean => Number.isSafeInteger(at) && (at as number) >= MIN_AT && (at as number) < MAX_AT;
const validHash = (h: unknown, nullable: boolean): boolean => (h === null ? nullable : typeof h === 'string' && STORED_HASH.test(h));
const validText = (t: unknown): boolean => typeof t === 'string' && t.length <= MAX_LOGGED_QUESTION && !UNSTORABLE_TEXT.test(t);

/** What is wrong with `row` (the first field found), or undefined when it may be stored. */
export function questionRowProblem(row: QuestionRow): string | undefined {
  if (!validAt(row.at)) return 'at';
  if (!STORE_PLATFORMS.includes(row.platform)) return 'platform';
  if (typeof row.answered !== 'boolean') return 'answered';
  if (typeof row.intent !== 'string' || !STORED_INTENT.test(row.intent)) return 'intent';
  if (typeof row.answerId !== 'string' || !STORED_ID.test(row.answerId)) return 'answerId';
  if (!validText(row.question) || row.question === '') return 'question';
  for (const k of ['workspace', 'team', 'channel', 'user'] as const) if (!validHash(row[k], true)) return k;
  return undefined;
}

/** What is wrong with `row` (the first field found), or undefined when it may be stored. */
export function voteRowProblem(row: VoteRow): string | undefined {
  if (!validAt(row.at)) return 'at';
  if (!STORE_PLATFORMS.includes(row.platform)) return 'platform';
  if (typeof row.answerId !== 'string' || !STORED_ID.test(row.answerId)) return 'answerId';
  if (!validText(row.question)) return 'question';
  if (row.vote !== 'up' && row.vote !== 'down') return 'vote';
  if (!validHash(row.user, false)) return 'user';
  return undefined;
}
