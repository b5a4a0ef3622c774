/**
 * The Teams bot: a `TeamsActivityHandler` that answers AWS questions with Adaptive Cards.
 *
 * - Personal chat: every message is a question. Group chat and channel: only messages that
 *   @mention the bot (Teams delivers only those, unless the app has RSC permissions; we check
 *   anyway), and clicks on our own card buttons (which carry no mention).
 * - Replies: in a channel, in the thread of the message (a reply to it: `replyToId`); in chats,
 *   a new message in the conversation.
 * - Follow-up / "Did you mean" buttons ask their question; 👍/👎 record {@link Feedback} through
 *   the store and swap the buttons for "Thanks for the feedback!" in the same card (an update, no
 *   new message).
 * - With an experts' channel, "Ask the experts" (on not-found answers and after a 👎) posts the
 *   question there (`experts.ts`) and swaps the button for a confirmation in the same card.
 * - Installed in personal scope: a short welcome with the help card. Never in channels or group chats.
 * - With an allow-list of tenants, activities from other tenants get no answer at all.
 * - A reply the connector fails to take (5xx, timeout) is logged and the turn ends normally.
 * - The message extension's search (`composeExtension/query`, `message-extension.ts`) is answered
 *   in the invoke response; every other invoke gets 400.
 */
import { ActivityTypes, TeamsActivityHandler, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { memoizeRender, type Answer, type AskContext, type Assistant, type ConversationRecall, type FeedbackStore } from '../../src/index';
import { turnRequestId } from './turn-request-id';
import {
  conversationKeyOf,
  mentionsBot,
  scopeOf,
  tenantAllowed,
  tenantOf,
  textWithoutBotMention,
  userOf,
  type TeamsScope,
} from './conversation';
import { parseSearchQuery, SEARCH_INVOKE, searchKnowledge } from './message-extension';
import { EXPERTS_FAILED_TEXT, sendToExperts, type TeamsExperts } from './experts';
import { EXPERTS_REPEAT_TEXT, EXPERTS_SENT_TEXT, renderTeams, renderTeamsCard } from './render';
import { parseSubmitValue, type ExpertsSubmit, type FeedbackSubmit } from './submit-data';
import { withTimeout } from './with-timeout';

/** The line above the help card when the bot is installed in personal scope. */
export const WELCOME_TEXT =
  'Hi! I answer AWS questions from our team knowledge base: SLAs, comparisons, limits and which service fits. Ask me anything, or try one of these.';

export interface TeamsQaBotOptions {
  /**
   * Answers questions (`createAssistant(...)`; `ask`, and `recall` when the server keeps
   * conversations: awaited before each question, see `ConversationRecall`).
   */
  assistant: Pick<Assistant, 'ask'> & Partial<ConversationRecall>;
  /** Where 👍/👎 votes go. */
  feedbackStore: FeedbackStore;
  logger: Logger;
  /** Tenant ids allowed to use the bot; empty or absent: every tenant. Compared case-insensitively. */
  allowedTenantIds?: readonly string[];
  /** How long to wait for the connector to take one reply or card update. Default 10,000 ms. */
  replyTimeoutMs?: number;
  /** The experts' channel (`TEAMS_EXPERTS_CHANNEL`); absent: no "Ask the experts" button. */
  experts?: TeamsExperts;
}

/**
 * The ask context of a turn: who asked, for the store's question log (hashed there, never kept in
 * clear), the request id, and the conversation it continues (`conversationKeyOf`). In a channel,
 * `conversation.id` names the thread (`…;messageid=…`): the channel is channelData's.
 */
function askContextOf(context: TurnContext): AskContext {
  const { activity } = context;
  const data = activity.channelData as { team?: { id?: string }; channel?: { id?: string } } | undefined;
  return {
    asker: {
      workspace: tenantOf(activity),
      team: data?.team?.id,
      channel: data?.channel?.id ?? activity.conversation?.id,
      user: userOf(activity),
    },
    requestId: turnRequestId(context),
    thread: conversationKeyOf(activity),
  };
}

export class TeamsQaBot extends TeamsActivityHandler {
  private readonly assistant: Pick<Assistant, 'ask'> & Partial<ConversationRecall>;
  private readonly feedbackStore: FeedbackStore;
  private readonly log: Logger;
  private readonly allowed: ReadonlySet<string>;
  private readonly replyTimeoutMs: number;
  /**
   * The card for an answer, rendered once per shared (frozen) answer. Sending never mutates the
   * card (botbuilder copies the activity before addressing it).
   */
  private readonly cardFor: (answer: Answer) => Partial<Activity>;
  private readonly experts?: TeamsExperts;

  constructor(options: TeamsQaBotOptions) {
    super();
    this.assistant = options.assistant;
    this.feedbackStore = options.feedbackStore;
    this.log = options.logger;
    this.allowed = new Set((options.allowedTenantIds ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean));
    this.replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
    this.experts = options.experts;
    this.cardFor = memoizeRender(this.experts ? (answer) => renderTeamsCard(answer, { experts: 'offer' }) : renderTeams);
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.handleMembersAdded(context);
      await next();
    });
  }

  /** Gate for every turn: the tenant allow-list, then only message and conversationUpdate are handled. */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!tenantAllowed(activity, this.allowed)) {
      this.log.warn({ tenant: tenantOf(activity) ?? null, type: activity.type }, 'teams activity from a tenant not allowed; ignored');
      // An invoke expects an invoke response: the same 400 as any unsupported invoke (never
      // botbuilder's default 501, and nothing that tells the tenant apart).
      if (activity.type === ActivityTypes.Invoke) await this.refuseInvoke(context);
      return;
    }
    if (scopeOf(activity) !== 'channel') {
      // Chats have no threads: post into the conversation rather than as a reply to the message.
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
    }
    if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.ConversationUpdate) {
      await super.onTurnActivity(context);
      return;
    }
    if (activity.type === ActivityTypes.Invoke && activity.name === SEARCH_INVOKE) {
      const query = parseSearchQuery(activity.value);
      if (query) {
        // The search-based message extension (message-extension.ts): always 200 with a result list.
        const body = searchKnowledge(this.assistant, query, { requestId: turnRequestId(context) });
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
        return;
      }
    }
    if (activity.type === ActivityTypes.Invoke) {
      // Apart from the search command's query, the app declares no invoke-based feature (no action
      // command, task module or Action.Execute), so an invoke (or a query for another command) is a
      // request for something unsupported: a 400, never botbuilder's default 501.
      this.log.debug({ name: activity.name ?? null }, 'teams invoke not supported');
      await this.refuseInvoke(context);
      return;
    }
    this.log.debug({ type: activity.type }, 'teams activity type not handled');
  }

  /** Answers an invoke with 400 `{"error":"unsupported invoke"}`. */
  private async refuseInvoke(context: TurnContext): Promise<void> {
    const name = String(context.activity.name ?? '').slice(0, 100);
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: 'unsupported invoke', name } } });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const ask = askContextOf(context);
    const submit = parseSubmitValue(activity.value);
    if (submit?.action === 'feedback') return this.recordFeedback(context, submit, ask);
    if (submit?.action === 'experts') return this.askExperts(context, submit, ask);
    const scope = scopeOf(activity);
    let question: string;
    if (submit?.action === 'ask') {
      question = submit.question;
    } else if (activity.value !== undefined && activity.value !== null && !activity.text) {
      this.log.debug({ scope }, 'teams submit with an unknown payload; ignored');
      return;
    } else if (scope !== 'personal' && !mentionsBot(activity)) {
      this.log.debug({ scope }, 'teams message without a mention of the bot; ignored');
      return;
    } else {
      question = textWithoutBotMention(activity);
    }
    await this.assistant.recall?.(ask);
    await this.send(context, this.cardFor(this.answer(question, scope, ask)), scope);
  }

  /** `assistant.ask(question, ask)`, logged (with its time) at debug level when that level is on. */
  private answer(question: string, scope: TeamsScope, ask: AskContext): Answer {
    if (!this.log.isLevelEnabled('debug')) return this.assistant.ask(question, ask);
    const started = process.hrtime.bigint();
    const answer = this.assistant.ask(question, ask);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    this.log.debug(
      { reqId: ask.requestId, scope, kind: answer.kind, answerId: answer.id, answered: answer.answered, ms: Number(ms.toFixed(2)) },
      'teams question answered',
    );
    return answer;
  }

  private async handleMembersAdded(context: TurnContext): Promise<void> {
    const { activity } = context;
    const botId = activity.recipient?.id;
    if (!botId || !(activity.membersAdded ?? []).some((m) => m?.id === botId)) return;
    const scope = scopeOf(activity);
    if (scope !== 'personal') {
      this.log.info({ scope }, 'teams bot added to a team or group chat; no welcome');
      return;
    }
    const help = this.assistant.ask('help', { requestId: turnRequestId(context), log: false });
    await this.send(context, renderTeamsCard(help, { intro: WELCOME_TEXT, feedback: 'none' }), scope);
  }

  /** Records the vote, then swaps the card's 👍/👎 for a thank-you (when the card can be re-rendered). */
  private async recordFeedback(context: TurnContext, submit: FeedbackSubmit, ask: AskContext): Promise<void> {
    const { activity } = context;
    await this.feedbackStore.record({
      platform: 'teams',
      question: submit.question,
      answerId: submit.answerId,
      vote: submit.vote,
      user: userOf(activity),
      at: new Date().toISOString(),
    });
    this.log.info({ reqId: ask.requestId, answerId: submit.answerId, vote: submit.vote }, 'teams feedback recorded');
    const cardId = activity.replyToId;
    if (!cardId) return;
    const answer: Answer = this.assistant.ask(submit.question, { ...ask, log: false }); // a re-render, not a question
    if (answer.id !== submit.answerId) {
      this.log.debug({ answerId: submit.answerId }, 'teams feedback: the answer changed since; card left as is');
      return;
    }
    const experts = this.experts && submit.vote === 'down' ? ('offer' as const) : undefined;
    const updated: Partial<Activity> = { ...renderTeamsCard(answer, { feedback: 'thanks', experts }), id: cardId };
    try {
      await withTimeout(context.updateActivity(updated), this.replyTimeoutMs, 'card update');
    } catch (error) {
      this.log.warn({ err: error }, 'teams feedback: card update failed');
    }
  }

  /** "Ask the experts": posts the question to the experts' channel once; confirms in the card (or says it failed). */
  private async askExperts(context: TurnContext, submit: ExpertsSubmit, ask: AskContext): Promise<void> {
    const scope = scopeOf(context.activity);
    if (!this.experts) {
      this.log.warn('teams: "Ask the experts" pressed, but no experts channel is configured; ignored');
      return;
    }
    const deps = { experts: this.experts, assistant: this.assistant, log: this.log, timeoutMs: this.replyTimeoutMs };
    const outcome = await sendToExperts(context, submit, deps, ask.requestId);
    const cardId = context.activity.replyToId;
    const answer = this.assistant.ask(submit.question, { ...ask, log: false }); // a re-render, not a question
    if (outcome === 'failed' || !cardId || answer.id !== submit.answerId) {
      const text = outcome === 'failed' ? EXPERTS_FAILED_TEXT : outcome === 'sent' ? EXPERTS_SENT_TEXT : EXPERTS_REPEAT_TEXT;
      await this.send(context, { type: 'message', text }, scope);
      return;
    }
    const card = renderTeamsCard(answer, { experts: outcome, ...(submit.voted ? { feedback: 'thanks' as const } : {}) });
    try {
      await withTimeout(context.updateActivity({ ...card, id: cardId }), this.replyTimeoutMs, 'card update');
    } catch (error) {
      this.log.warn({ err: error }, 'teams experts: card update failed');
    }
  }

  /** Sends one activity; a connector failure or timeout is logged, not thrown. */
  private async send(context: TurnContext, activity: Partial<Activity>, scope: TeamsScope): Promise<void> {
    try {
      await withTimeout(context.sendActivity(activity), this.replyTimeoutMs, 'reply');
    } catch (error) {
      this.log.error({ err: error, scope }, 'teams reply not delivered');
    }
  }
}
