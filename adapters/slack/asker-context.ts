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

/** The ask context of a listener call, from its `body` and Bolt `context`. */
export function askContextOf(body: unknown, context: { teamId?: string; enterpriseId?: string; requestId?: unknown }): AskContext {
  return {
    asker: askerOf((body && typeof body === 'object' ? body : {}) as Record<string, unknown>, context),
    requestId: str(context.requestId),
  };
}
