/**
 * Global Bolt middleware: runs the rest of the request as the asker it came from (workspace,
 * channel, user), so the store's question log can keep their keyed hashes. The ids never leave
 * memory in clear: the core's recorder hashes them before anything is queued.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { type Asker, withAsker } from '../../src/index';

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

export function askerContext(): Middleware<AnyMiddlewareArgs> {
  return async (args) => withAsker(askerOf(args.body as Record<string, unknown>, args.context), () => args.next());
}
