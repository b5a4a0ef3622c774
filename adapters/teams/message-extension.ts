/**
 * The search-based message extension: "Search AWS Q&A" in Teams' compose box (and `@AWS Q&A` in
 * the command box) answers from the knowledge base, and the chosen result is inserted into the
 * message as an Adaptive Card.
 *
 * A `composeExtension/query` invoke for {@link SEARCH_COMMAND_ID} gets a result list:
 * - a question: its answer first (the card, with a thumbnail preview: the answer's title and its
 *   first line), then up to {@link MAX_RELATED} related questions (the answer's "Did you mean"
 *   choices and follow-ups, each kept only when the knowledge base answers it), each with its
 *   own answer as the card;
 * - an empty query or `initialRun` (the user opened the extension): the help answer's examples;
 * - a question the knowledge base cannot answer: a "Not in the knowledge base" result first (never
 *   an error status), then examples of what it can answer.
 *
 * Everything is computed in memory from the loaded knowledge base (no network, no store write:
 * queries arrive as the user types, so they are not logged as questions). The inserted cards
 * carry no buttons: a user posts them, possibly where the bot is not installed. Pure: the caller
 * sends the returned body as the invoke response.
 */
import type { Attachment, MessagingExtensionAttachment, MessagingExtensionResponse } from 'botbuilder';
import { z } from 'zod';
import { answerActions, type Answer, type AskContext, type Assistant, type Part, type Suggestion } from '../../src/index';
import { truncateText } from './card-limits';
import { renderTeamsCard } from './render';

/** Invoke name of a search-based message extension query. */
export const SEARCH_INVOKE = 'composeExtension/query';
/** The command id declared in the manifest (`composeExtensions[0].commands[0].id`). */
export const SEARCH_COMMAND_ID = 'searchKnowledge';
/** The query parameter declared in the manifest. */
export const SEARCH_PARAMETER = 'question';
/** Related questions listed after the answer. */
export const MAX_RELATED = 4;
/** Content type of a thumbnail card (the result's preview in the list). */
export const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';
/** Preview text length (Teams shows about two lines). */
const PREVIEW_TEXT_MAX = 200;

/** The part of an invoke's `value` the extension reads; anything else is ignored. */
const querySchema = z.object({
  commandId: z.literal(SEARCH_COMMAND_ID),
  parameters: z
    .array(z.object({ name: z.string(), value: z.unknown().optional() }))
    .max(20)
    .optional(),
  queryOptions: z.object({ skip: z.number().int().nonnegative().optional() }).optional(),
});

/** A parsed query: the text typed (`''` for the initial run), and whether this is a later page. */
export interface SearchQuery {
  text: string;
  /** `queryOptions.skip` > 0: Teams asks for more results; every result is on the first page. */
  nextPage: boolean;
}

/** The query of a `composeExtension/query` value for our command, or `undefined` (another command, malformed: refused by the bot). */
export function parseSearchQuery(value: unknown): SearchQuery | undefined {
  const parsed = querySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const parameters = parsed.data.parameters ?? [];
  const initialRun = parameters.some((p) => p.name === 'initialRun' && String(p.value) === 'true');
  const typed = parameters.find((p) => p.name === SEARCH_PARAMETER)?.value;
  return {
    text: initialRun || typeof typed !== 'string' ? '' : typed.trim(),
    nextPage: (parsed.data.queryOptions?.skip ?? 0) > 0,
  };
}

/** The invoke response body for `query`: a result list (see the module doc). */
export function searchKnowledge(
  assistant: Pick<Assistant, 'ask'>,
  query: SearchQuery,
  context: AskContext = {},
): MessagingExtensionResponse {
  const ask = (question: string): Answer => assistant.ask(question, { ...context, log: false });
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: results(ask, query) } };
}

function results(ask: (q: string) => Answer, query: SearchQuery): MessagingExtensionAttachment[] {
  if (query.nextPage) return [];
  const listed = (suggestions: Suggestion[]) => answered(ask, suggestions).map(([s, a]) => result(a, s.question));
  if (query.text === '') return listed(answerActions(ask('help')).suggestions);
  const answer = ask(query.text);
  const first = answer.answered ? result(answer, answer.title) : notFoundResult(answer, query.text);
  return [first, ...listed(answerActions(answer).suggestions)];
}

/** The suggestions the knowledge base answers, with their answers, distinct, at most {@link MAX_RELATED}. */
function answered(ask: (q: string) => Answer, suggestions: Suggestion[]): [Suggestion, Answer][] {
  const out: [Suggestion, Answer][] = [];
  const seen = new Set<string>();
  for (const s of suggestions) {
    if (out.length === MAX_RELATED) break;
    const answer = ask(s.question);
    if (!answer.answered || answer.kind === 'not-found' || answer.kind === 'clarify' || seen.has(answer.id)) continue;
    seen.add(answer.id);
    out.push([s, answer]);
  }
  return out;
}

/** One result: the answer's card (without buttons) and a thumbnail preview titled `title`. */
function result(answer: Answer, title: string, text = previewText(answer)): MessagingExtensionAttachment {
  return { ...staticCard(answer), preview: thumbnail(title, text) };
}

/** The "not in the knowledge base" result: the not-found card, previewed as such. */
function notFoundResult(answer: Answer, question: string): MessagingExtensionAttachment {
  return result(answer, answer.title, truncateText(`No answer to "${question}" in the team's AWS knowledge base.`, PREVIEW_TEXT_MAX));
}

/** The answer's Adaptive Card with its ActionSets removed (no follow-up or 👍/👎 buttons). */
function staticCard(answer: Answer): Attachment {
  const [attachment] = renderTeamsCard(answer, { feedback: 'none' }).attachments ?? [];
  const content = attachment.content as { body: { type: string }[] };
  return { contentType: attachment.contentType, content: { ...content, body: content.body.filter((e) => e.type !== 'ActionSet') } };
}

function thumbnail(title: string, text: string): Attachment {
  return { contentType: THUMBNAIL_CARD_CONTENT_TYPE, content: { title: truncateText(title, PREVIEW_TEXT_MAX), text } };
}

/** The answer's first part as one plain line, e.g. `Monthly Region-Level Availability SLA: 99.95% · …`. */
function previewText(answer: Answer): string {
  const part = answer.parts[0];
  return truncateText(part ? partLine(part) : answer.title, PREVIEW_TEXT_MAX);
}

function partLine(part: Part): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'bullets':
      return part.items.join(' · ');
    case 'facts':
      return part.facts.map((f) => `${f.label}: ${f.value}`).join(' · ');
    case 'comparison':
      return `${part.columns.join(' vs ')}: ${part.rows.map((r) => r.dimension).join(', ')}`;
  }
}
