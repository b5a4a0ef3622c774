/**
 * The three forms of `aws-qa report`: JSON (the store's report as is), CSV (one table with a
 * `section` column: unanswered, downvoted, top, escalated, totals:PLATFORM) and text, written
 * for a knowledge author on Monday morning: short, sorted by count, each unanswered question with
 * the closest thing the knowledge base holds.
 *
 * Everything printed from stored data goes through {@link printable} (text, CSV) or
 * {@link printableJson} (JSON): a stored value can never move the cursor, clear the screen, set a
 * window title, plant a link or start a new line in the operator's terminal.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report, Totals } from '../../src/index';

/** What the knowledge base holds nearest to an unanswered question (from the assistant). */
export interface Closest {
  /** The question is answered now (the knowledge changed since it was asked): the answer's title. */
  nowAnswered?: string;
  /** Questions the knowledge base can answer, offered instead. */
  suggestions: string[];
  /** The owner of the closest entry's file (its front matter), when it names one. */
  owner?: string;
}

export interface TextContext {
  /** e.g. `the last 7 days (since 2026-11-22 09:00 UTC)`. */
  period: string;
  /** e.g. `sqlite /srv/data/aws-qa.db`. */
  source: string;
  platforms: readonly string[];
  closest: (question: string) => Closest;
}

/**
 * What a terminal could act on: C0 and C1 controls (ESC, CSI, OSC, BEL, CR, LF, …), DEL, format
 * characters (bidi overrides, zero-width joiners) and the Unicode line and paragraph separators.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** {@link UNPRINTABLE} but the C0 controls, which `JSON.stringify` escapes in strings (its own line breaks stay). */
const JSON_UNPRINTABLE = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

/**
 * `text` from the store made safe to print: every character in {@link UNPRINTABLE} becomes its
 * visible `\uXXXX` escape, so a stored `ESC[2J`, an OSC title or link, or a newline forging a
 * report line reaches the terminal as plain text. Linear.
 */
export const printable = (text: unknown): string =>
  String(text).replace(UNPRINTABLE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);

/**
 * `json` (from `JSON.stringify`) with the characters JSON leaves raw (DEL, C1 controls such as the
 * 8-bit CSI, format characters, U+2028/2029) written as `\uXXXX` escapes: the same JSON value,
 * nothing a terminal acts on.
 */
export const printableJson = (json: string): string =>
  json.replace(JSON_UNPRINTABLE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);

const day = (iso: string): string => printable(iso.slice(0, 16).replace('T', ' '));
const quote = (q: string): string => `"${printable(q)}"`;

/**
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with
 * `'`; text is {@link printable}.
 */
export const safeCell = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${printable(v)}` : printable(v);
};

export function formatCsv(report: Report): string {
  const rows: unknown[][] = [];
  for (const u of report.unanswered) rows.push(['unanswered', u.question, u.count, u.lastAsked, '', '', '', '']);
  for (const d of report.downvoted) rows.push(['downvoted', d.question, d.up + d.down, '', d.answerId, d.up, d.down, '']);
  for (const t of report.top) rows.push(['top', t.question, t.count, '', '', '', '', t.answered]);
  for (const e of report.escalated) rows.push(['escalated', e.question, e.count, e.lastAsked, '', '', '', '']);
  for (const [platform, t] of Object.entries(report.totals))
    rows.push([`totals:${platform}`, '', t.questions, '', '', t.up, t.down, t.answered]);
  return stringify(
    rows.map((r) => r.map(safeCell)),
    {
      header: true,
      columns: ['section', 'question', 'count', 'last_asked', 'answer_id', 'up', 'down', 'answered'],
      record_delimiter: 'unix',
    },
  );
}

function totalsTable(totals: Record<string, Totals>): string[] {
  const head = ['', 'questions', 'answered', 'unanswered', 'up', 'down'];
  const rows = Object.entries(totals)
    .sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))
    .map(([p, t]) => [
      p === 'web' ? 'playground' : printable(p),
      String(t.questions),
      String(t.answered),
      String(t.unanswered),
      String(t.up),
      String(t.down),
    ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  return [line(head), ...rows.map(line)];
}

/**
 * Unanswered questions grouped by the owner of their closest entry, each group most asked first
 * (the store's order), owners in order of their first question, "no owner" last. One group keyed
 * `undefined` when no closest entry has an owner (nothing to group by).
 */
function byOwner<T extends { c: Closest }>(items: T[]): [string | undefined, T[]][] {
  if (!items.some((i) => i.c.owner)) return items.length ? [[undefined, items]] : [];
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.c.owner ?? '', [...(groups.get(item.c.owner ?? '') ?? []), item]);
  return [...groups].sort(([a], [b]) => Number(a === '') - Number(b === ''));
}

export function formatText(report: Report, ctx: TextContext): string {
  const out: string[] = [];
  const all = report.totals.all;
  out.push(`aws-qa report: ${ctx.period}`);
  const seen = ctx.platforms.filter((p) => report.totals[p === 'playground' ? 'web' : p]);
  out.push(
    `${all.questions} question(s) on ${(seen.length ? seen : ctx.platforms).join(', ')}: ${all.answered} answered, ${all.unanswered} not in the knowledge base; ${all.up} up / ${all.down} down vote(s). Store: ${printable(ctx.source)}.`,
  );
  out.push('');
  out.push(
    report.unanswered.length
      ? `Not answered by the knowledge base (${report.unanswered.length}, most asked first)`
      : 'Not answered by the knowledge base: nothing. Every question had an answer.',
  );
  const unanswered = report.unanswered.map((u) => ({ u, c: ctx.closest(u.question) }));
  for (const [owner, items] of byOwner(unanswered)) {
    if (owner !== undefined) out.push(`  ${owner === '' ? 'No owner' : `Owner ${printable(owner)}`} (${items.length})`);
    for (const { u, c } of items) {
      out.push(`  ${String(u.count).padStart(4)}×  ${printable(u.question)}   (last ${day(u.lastAsked)} UTC)`);
      if (c.nowAnswered) out.push(`         now answered: ${printable(c.nowAnswered)}`);
      else
        out.push(
          `         closest the knowledge base holds: ${c.suggestions.length ? c.suggestions.map(quote).join(', ') : 'nothing close'}`,
        );
    }
  }
  out.push('');
  out.push(report.downvoted.length ? `Voted down (${report.downvoted.length})` : 'Voted down: nothing.');
  for (const d of report.downvoted)
    out.push(
      `  ${String(d.down).padStart(4)} down ${String(d.up).padStart(3)} up  ${printable(d.question)}   (answer ${printable(d.answerId)})`,
    );
  out.push('');
  out.push(
    report.escalated.length
      ? `Handed to the experts (${report.escalated.length}, most escalated first)`
      : 'Handed to the experts: nothing.',
  );
  for (const e of report.escalated) out.push(`  ${String(e.count).padStart(4)}×  ${e.question}   (last ${day(e.lastAsked)} UTC)`);
  out.push('');
  out.push(report.top.length ? 'Most asked' : 'Most asked: nothing asked yet.');
  for (const t of report.top.slice(0, 10))
    out.push(
      `  ${String(t.count).padStart(4)}×  ${printable(t.question)}${t.answered < t.count ? `   (${t.count - t.answered} not answered)` : ''}`,
    );
  out.push('');
  out.push('Totals per platform');
  out.push(...totalsTable(report.totals));
  return `${out.join('\n')}\n`;
}
