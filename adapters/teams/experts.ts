/**
 * "Ask the experts" in Teams (with `TEAMS_EXPERTS_CHANNEL`): the message posted to the experts'
 * channel and the sending of it. The post is a new conversation in that channel, created through
 * the connector at the asker's `serviceUrl`, for the asker's tenant (`createConversationAsync`).
 * It holds a real mention of who asked (an `<at>` mention entity), and a card with the question,
 * what the bot answered and the closest entries the knowledge base holds (with their owners and
 * review dates). One asker escalates one answer once (the {@link EscalationLog} claims it); a
 * post that fails is withdrawn, so the asker can try again.
 *
 * The app must be installed in the team that holds the channel.
 */
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { Answer, Assistant, EscalationLog, Source } from '../../src/index';
import { closestEntries, ownerNote } from '../shared/closest-entries';
import { echoText } from '../shared/echo';
import { TEAMS_LIMITS, truncateText } from './card-limits';
import { type CardElement, textBlock } from './card-elements';
import { tenantOf, userOf } from './conversation';
import { escapeSsml } from './escape';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './render';
import type { ExpertsSubmit } from './submit-data';
import { withTimeout } from './with-timeout';

/** The experts' channel and where escalations are recorded. */
export interface TeamsExperts {
  /** The channel id, `19:…@thread.tacv2`. */
  channel: string;
  log: EscalationLog;
  /** The bot's app id (empty without authentication), for the connector's credentials. */
  appId?: string;
}

/** The outcome of a press: sent now, sent before (nothing posted), or the post failed. */
export type ExpertsOutcome = 'sent' | 'repeat' | 'failed';

/** The connector's audience when the turn names none: the public Bot Framework's. */
const DEFAULT_AUDIENCE = 'https://api.botframework.com';

/** What the asker is told when the post failed. */
export const EXPERTS_FAILED_TEXT = '⚠️ Sorry, I could not send this to the experts. Please try again later, or ask in their channel.';

/** The asker as a mention: `<at>Name</at>` in the text and its `mention` entity. */
function mentionOf(activity: Partial<Activity>): { text: string; entity: { type: string; [key: string]: unknown } } {
  const from = activity.from as { id?: string; name?: string } | undefined;
  const name = escapeSsml(echoText(from?.name || 'someone', 100));
  const text = `<at>${name}</at>`;
  return { text, entity: { type: 'mention', text, mentioned: { id: from?.id ?? '', name } } };
}

/** The card posted to the experts (pure): the question, the bot's answer, the closest entries. */
export function expertsCard(question: string, answer: Answer, closest: readonly Source[]): Record<string, unknown> {
  const answered = [answer.title, ...answer.parts.flatMap((p) => (p.type === 'text' ? [p.text] : p.type === 'bullets' ? p.items : []))];
  const body: CardElement[] = [
    textBlock('🙋 A question for the experts', { weight: 'Bolder', size: 'Medium', style: 'heading' }),
    textBlock(echoText(question, 1000), { spacing: 'Small' }),
    textBlock('The bot answered', { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(truncateText(answered.join('\n'), 1200)),
    textBlock('Closest in the knowledge base', { weight: 'Bolder', spacing: 'Medium' }),
    ...(closest.length
      ? closest.map((s) => {
          const note = ownerNote(s);
          return textBlock(`${s.file} › ${s.section}${note ? ` (${note})` : ''}`, { size: 'Small', spacing: 'None' });
        })
      : [textBlock('nothing close', { size: 'Small', isSubtle: true })]),
  ];
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: truncateText(`A question for the experts: ${echoText(question, 1000)}`, TEAMS_LIMITS.fallbackText),
    body,
  };
}

/** The activity for the experts' channel: the mention of the asker as text, and the card. */
export function expertsActivity(asker: Partial<Activity>, question: string, answer: Answer, closest: readonly Source[]): Partial<Activity> {
  const mention = mentionOf(asker);
  return {
    type: 'message',
    text: `${mention.text} asked the experts:`,
    entities: [mention.entity],
    summary: truncateText(`A question for the experts: ${echoText(question, 200)}`, TEAMS_LIMITS.summary),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: expertsCard(question, answer, closest) }],
  };
}

export interface SendToExpertsDeps {
  experts: TeamsExperts;
  assistant: Pick<Assistant, 'ask'>;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  timeoutMs: number;
}

/**
 * Sends the question of `submit` from the sender of `context`'s activity to the experts' channel,
 * once per asker and answer. Never throws; a failure is logged without the question.
 */
export async function sendToExperts(
  context: TurnContext,
  submit: ExpertsSubmit,
  deps: SendToExpertsDeps,
  requestId?: string,
): Promise<ExpertsOutcome> {
  const { activity } = context;
  const escalation = { platform: 'teams' as const, answerId: submit.answerId, question: submit.question, user: userOf(activity) };
  let first = true;
  try {
    first = await deps.experts.log.claim(escalation);
  } catch (error) {
    // The store is down: send anyway (the experts get it; only the record is missing).
    deps.log.error({ reqId: requestId, err: error }, 'teams: recording an escalation failed');
  }
  if (!first) return 'repeat';
  try {
    const answer = deps.assistant.ask(submit.question, { log: false, requestId });
    const message = expertsActivity(activity, submit.question, answer, closestEntries(deps.assistant, answer));
    const tenantId = tenantOf(activity);
    const parameters = {
      isGroup: true,
      bot: activity.recipient,
      channelData: { channel: { id: deps.experts.channel }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
      activity: message,
      ...(tenantId ? { tenantId } : {}),
    } as ConversationParameters;
    // The audience the incoming turn's replies use (the Bot Framework's, or the cloud's).
    const audience = (context.turnState.get(context.adapter.OAuthScopeKey) as string | undefined) ?? DEFAULT_AUDIENCE;
    const create = context.adapter.createConversationAsync(
      deps.experts.appId ?? '',
      activity.channelId ?? 'msteams',
      activity.serviceUrl ?? '',
      audience,
      parameters,
      async () => undefined,
    );
    await withTimeout(create, deps.timeoutMs, 'experts post');
    deps.log.info({ reqId: requestId, answerId: submit.answerId }, 'teams: question sent to the experts');
    return 'sent';
  } catch (error) {
    deps.log.error({ reqId: requestId, err: error }, 'teams: posting to the experts channel failed');
    await deps.experts.log.withdraw(escalation).catch(() => undefined);
    return 'failed';
  }
}
