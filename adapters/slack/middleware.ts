/**
 * Bolt middleware: the workspace allow-list (global) and the retry dedupe (on the events
 * listener). Both stop the chain (no listener runs, nothing is posted); the allow-list still
 * acknowledges when the payload expects an ack.
 */
import type { AnyMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Dedupe } from './dedupe';

type Args = AnyMiddlewareArgs & { ack?: (response?: never) => Promise<void> };

/**
 * Drops requests from outside `allowed`: a request passes when its workspace (`context.teamId`)
 * or its Enterprise Grid organization (`context.enterpriseId`, an `E…` id: every workspace of that
 * enterprise) is listed. An empty or absent list allows every workspace.
 */
export function allowTeams(allowed: readonly string[] | undefined, logger: PinoLogger): Middleware<AnyMiddlewareArgs> {
  const set = new Set((allowed ?? []).filter((id) => id.trim() !== ''));
  return async (args) => {
    if (set.size === 0) return args.next();
    const { teamId, enterpriseId } = args.context;
    if ((teamId !== undefined && set.has(teamId)) || (enterpriseId !== undefined && set.has(enterpriseId))) return args.next();
    logger.info({ team: teamId ?? null, enterprise: enterpriseId ?? null }, 'slack: request from a workspace that is not allowed; ignored');
    const { ack } = args as Args;
    if (ack) await ack();
    return undefined;
  };
}

/**
 * Lets an Events API delivery through only the first time its `event_id` is seen, so retries
 * (`X-Slack-Retry-Num`) never answer twice. A delivery without an `event_id` passes untouched.
 */
export function dedupeEvents(seen: Dedupe, logger: PinoLogger): Middleware<SlackEventMiddlewareArgs> {
  return async (args) => {
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string' || (await seen.firstSeen(eventId))) return args.next();
    logger.info(
      { eventId, retryNum: args.context.retryNum ?? null, retryReason: args.context.retryReason ?? null },
      'slack: duplicate event ignored',
    );
    return undefined;
  };
}
