/**
 * The Teams renderer: a pure function from a platform-neutral {@link Answer} to a message
 * activity carrying one Adaptive Card 1.5 (the version Teams renders). It imports only types from
 * botbuilder, so the CLI can load it without botbuilder (`aws-qa batch --format teams`).
 *
 * Card layout, top to bottom: the title (bold heading), an optional intro line, the answer's
 * parts (text blocks, bullet lists, FactSets, comparison Tables), a notice when the answer had to
 * be shortened, the sources line (small, subtle), the follow-up / "Did you mean" buttons, "Ask the
 * experts" (with an experts' channel: on "not in the knowledge base", after a 👎), and the
 * 👍/👎 buttons (or "Thanks for the feedback" once a vote is in). The activity's `summary` (title)
 * feeds notifications; the card's `fallbackText` and `speak` serve clients that cannot show it.
 *
 * Size: the returned activity stays under {@link TEAMS_LIMITS.cardBytes}. When an answer is too
 * long, whole trailing parts are dropped and the last one that fits is shortened, and the card
 * says so in a visible notice (never a silent cut).
 */
import type { Activity, Attachment } from 'botbuilder';
import { answerActions, reviewedNote, type Answer, type Part, type Source } from '../../src/index';
import { TEAMS_LIMITS, messageBytes, truncateText } from './card-limits';
import { actionSets, partElements, partUnits, shortenPart, submitAction, textBlock, type CardElement } from './card-elements';
import { escapeSsml } from './escape';
import { askData, expertsData, feedbackData } from './submit-data';

/** Content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Adaptive Cards schema version of every card (Teams renders up to 1.5). */
const CARD_VERSION = '1.5';
/** Element id of the ActionSet holding the 👍/👎 buttons (replaced after a vote). */
export const FEEDBACK_SET_ID = 'feedback';
/** Element id of the ActionSet(s) holding follow-up / "Did you mean" buttons. */
const SUGGESTIONS_SET_ID = 'suggestions';
/** Text that replaces the 👍/👎 buttons after a vote. */
export const FEEDBACK_THANKS = 'Thanks for the feedback!';

export interface TeamsCardOptions {
  /**
   * The feedback row: `buttons` (default for answers that can be rated: 👍/👎), `thanks` (after a
   * vote: a subtle "Thanks for the feedback!" instead of the buttons), `none` (no row).
   */
  feedback?: 'buttons' | 'thanks' | 'none';
  /** A line shown under the title, e.g. a welcome greeting. Default: none. */
  intro?: string;
  /**
   * The "Ask the experts" row (with `TEAMS_EXPERTS_CHANNEL`): `offer` shows the button on a "not in
   * the knowledge base" answer, and on any answer whose feedback row is `thanks` (after a 👎);
   * `sent` and `repeat` show the confirmation instead. Default: none.
   */
  experts?: 'offer' | 'sent' | 'repeat';
}

/** Element id of the "Ask the experts" ActionSet (or its confirmation). */
export const EXPERTS_SET_ID = 'experts';
/** The confirmation that replaces the "Ask the experts" button. */
export const EXPERTS_SENT_TEXT = '📨 Sent to the experts. They will answer in their channel.';
/** The confirmation when the asker had already sent it. */
export const EXPERTS_REPEAT_TEXT = '📨 You already sent this question to the experts.';

/** The "Ask the experts" row for `answer`, per `options.experts` (none when not asked for, or not applicable). */
function expertsRow(answer: Answer, options: TeamsCardOptions): CardElement[] {
  if (options.experts === 'sent' || options.experts === 'repeat') {
    const text = options.experts === 'sent' ? EXPERTS_SENT_TEXT : EXPERTS_REPEAT_TEXT;
    return [textBlock(text, { id: EXPERTS_SET_ID, size: 'Small', isSubtle: true, spacing: 'Medium' })];
  }
  const voted = options.feedback === 'thanks';
  if (options.experts !== 'offer' || (answer.kind !== 'not-found' && !voted)) return [];
  return [
    {
      type: 'ActionSet',
      id: EXPERTS_SET_ID,
      spacing: 'Medium',
      actions: [submitAction('🙋 Ask the experts', expertsData(answer.id, answer.question, voted))],
    },
  ];
}

/**
 * `Source: aws-qa.md › What are …? (line 46)`, `(line 46, reviewed 2024-01-15)` when the file
 * names its review date; several sources joined by ` · `, duplicates once.
 */
function sourcesLine(sources: Source[]): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const s of sources) {
    const key = `${s.file}\u0000${s.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(`${s.file} › ${s.section} (line ${s.line}${s.reviewed ? `, ${reviewedNote(s)}` : ''})`);
  }
  return `${items.length > 1 ? 'Sources' : 'Source'}: ${items.join(' · ')}`;
}

/** A plain-text digest of the answer for `fallbackText`: title, then the parts' text. */
function plainDigest(answer: Answer): string {
  const lines = [answer.title];
  for (const part of answer.parts) {
    if (part.type === 'text') lines.push(part.text);
    else if (part.type === 'bullets') lines.push(...(part.heading ? [part.heading] : []), ...part.items.map((i) => `- ${i}`));
    else if (part.type === 'facts') lines.push(...(part.heading ? [part.heading] : []), ...part.facts.map((f) => `${f.label}: ${f.value}`));
    else
      lines.push(
        ...(part.heading ? [part.heading] : []),
        ...part.rows.map((r) => `${r.dimension}: ${part.columns.map((c, i) => `${c}: ${r.values[i] || '—'}`).join('; ')}`),
      );
  }
  return truncateText(lines.join('\n'), TEAMS_LIMITS.fallbackText);
}

/** Everything of the card except the answer's parts (which are fitted in between). */
interface Frame {
  head: CardElement[];
  tail: CardElement[];
  answer: Answer;
}

function frameFor(answer: Answer, options: TeamsCardOptions): Frame {
  const { suggestions, rateable } = answerActions(answer);
  const head = [textBlock(answer.title, { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  if (options.intro) head.push(textBlock(options.intro, { spacing: 'Small' }));
  const tail: CardElement[] = [];
  if (answer.sources.length) tail.push(textBlock(sourcesLine(answer.sources), { size: 'Small', isSubtle: true, spacing: 'Medium' }));
  const ask = suggestions.map((s) => submitAction(s.label || s.question, askData(s.question)));
  tail.push(...actionSets(ask, SUGGESTIONS_SET_ID));
  tail.push(...expertsRow(answer, options));
  const feedback = options.feedback ?? (rateable ? 'buttons' : 'none');
  if (feedback === 'buttons') {
    tail.push({
      type: 'ActionSet',
      id: FEEDBACK_SET_ID,
      spacing: 'Medium',
      actions: [
        submitAction('👍 Helpful', feedbackData('up', answer.id, answer.question)),
        submitAction('👎 Not helpful', feedbackData('down', answer.id, answer.question)),
      ],
    });
  } else if (feedback === 'thanks') {
    tail.push(textBlock(FEEDBACK_THANKS, { id: FEEDBACK_SET_ID, size: 'Small', isSubtle: true, spacing: 'Medium' }));
  }
  return { head, tail, answer };
}

/** The activity for a card whose body is `head + body + tail`. */
function assemble(frame: Frame, body: CardElement[], wide: boolean): Partial<Activity> {
  const { answer } = frame;
  const content = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    fallbackText: plainDigest(answer),
    speak: escapeSsml(truncateText(answer.title, TEAMS_LIMITS.summary)),
    ...(wide ? { msteams: { width: 'Full' } } : {}),
    body: [...frame.head, ...body, ...frame.tail],
  };
  const attachment: Attachment = { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
  return { type: 'message', summary: truncateText(answer.title, TEAMS_LIMITS.summary), attachments: [attachment] };
}

/** The notice shown when parts were cut: how much of the answer is shown. */
function shortenedNotice(shown: number, total: number, partial: boolean): CardElement {
  const what = partial ? `${shown} of ${total} sections shown, the last one cut short` : `${shown} of ${total} sections shown`;
  return textBlock(`⚠️ Answer shortened to fit in one Teams message (${what}). Ask a narrower question to see the rest.`, {
    size: 'Small',
    weight: 'Bolder',
    spacing: 'Medium',
  });
}

/** The largest `keep` in [1, units] whose shortened part still fits, or 0 when none does. */
function largestFit(part: Part, fits: (p: Part) => boolean): number {
  let lo = 0;
  let hi = partUnits(part);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(shortenPart(part, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Fits the parts into the size budget: whole parts while they fit, then the next one shortened. */
function fitParts(frame: Frame, wide: boolean, budget: number): Partial<Activity> {
  const parts = frame.answer.parts;
  const full = assemble(frame, parts.flatMap(partElements), wide);
  if (messageBytes(full) <= budget) return full;
  const kept: CardElement[] = [];
  const withNotice = (extra: CardElement[], shown: number, partial: boolean): Partial<Activity> =>
    assemble(frame, [...kept, ...extra, shortenedNotice(shown, parts.length, partial)], wide);
  let shown = 0;
  for (; shown < parts.length; shown += 1) {
    const elements = partElements(parts[shown]);
    if (messageBytes(withNotice(elements, shown + 1, false)) > budget) break;
    kept.push(...elements);
  }
  const part = parts[shown];
  if (!part) return withNotice([], shown, false);
  const keep = largestFit(part, (p) => messageBytes(withNotice(partElements(p), shown + 1, true)) <= budget);
  if (keep > 0) return withNotice(partElements(shortenPart(part, keep)), shown + 1, true);
  return withNotice([], shown, false);
}

/**
 * Renders `answer` as a Teams message activity with one Adaptive Card 1.5, with options (the
 * feedback row, an intro line). JSON-serializable; within {@link TEAMS_LIMITS.cardBytes}.
 */
export function renderTeamsCard(answer: Answer, options: TeamsCardOptions = {}): Partial<Activity> {
  const frame = frameFor(answer, options);
  const wide = answer.parts.some((p) => p.type === 'comparison');
  return fitParts(frame, wide, TEAMS_LIMITS.cardBytes);
}

/** Renders `answer` as a Teams message activity with one Adaptive Card 1.5 (see the module doc). */
export function renderTeams(answer: Answer): Partial<Activity> {
  return renderTeamsCard(answer);
}
