/**
 * The {@link AskContext} of a Slack request: who asked (workspace, channel, user: the store's
 * question log keeps only their keyed hashes) and the id of the HTTP request that carried it
 * (`context.requestId`, which the app's receiver puts in Bolt's listener context). The listeners
 * pass it to `Assistant.ask`; ids never leave memory in clear.
 */
import type { AskContext, Asker } from '../../src/index';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const idOf = (v: unknown): string | undefined => (v && typeof v === 'object' ? str((v as { id?: unknown }).id) : str(v));

/** The asker of a Slack payload: an event, a slash command or an interaction. */
export function askerOf(body: Record<string, unknown>, context: { teamId?: string; enterpriseId?: string }): Asker {
  const event = (body.event && typeof body.event === 'object' ? body.event : {}) as Record<string, unknown>;
  return {
    workspace: context.teamId ?? context.enterpriseId,
    channel: str(event.channel) ?? str(body.channel_id) ?? idOf(body.channel),
    user: str(event.user) ?? str(body.user_id) ?? idOf(body.user),
  };
}

/**
 * The conversation a Slack question belongs to (the ask context's `thread`), or `undefined` when
 * the payload names no channel. Always within the workspace:
 * - `thread`: an @mention in a channel continues its thread (the root's `ts`: the bot answers
 *   there), so every mention in one thread is one conversation;
 * - `dm`: a direct message continues the DM (its recent turns);
 * - `command`: `/aws` continues the same person's recent `/aws` questions in the same channel
 *   (the answers are ephemeral: only they see them).
 */
export function slackThread(kind: 'thread' | 'dm' | 'command', asker: Asker, threadTs?: string): string | undefined {
  if (!asker.channel) return undefined;
  const where = `slack:${kind}:${asker.workspace ?? ''}:${asker.channel}`;
  if (kind === 'thread') return threadTs ? `${where}:${threadTs}` : undefined;
  if (kind === 'command') return asker.user ? `${where}:${asker.user}` : undefined;
  return where;
}

/**
 * The conversation a button click continues: the one its message is in, so the question a
 * follow-up or "Did you mean" button asks is read in that conversation and leaves its turn there
 * (a reply after the click follows the clicked question). An ephemeral answer (to `/aws`) is the
 * clicker's `/aws` conversation in that channel; a DM's message is the DM; a channel message is
 * the thread its answer is posted in (the root's `ts`, or the message's own when it starts one).
 */
export function clickThread(
  asker: Asker,
  clicked: { ephemeral: true } | { ephemeral: false; dm: boolean; threadTs?: string },
): string | undefined {
  if (clicked.ephemeral) return slackThread('command', asker);
  if (clicked.dm) return slackThread('dm', asker);
  return slackThread('thread', asker, clicked.threadTs);
}

/** The ask context of a listener call, from its `body` and Bolt `context`. */
export function askContextOf(body: unknown, context: { teamId?: string; enterpriseId?: string; requestId?: unknown }): AskContext {
  return {
    asker: askerOf((body && typeof body === 'object' ? body : {}) as Record<string, unknown>, context),
    requestId: str(context.requestId),
  };
}
