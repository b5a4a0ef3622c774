/**
 * The knowledge owners' loop settings, part of the server's environment schema (`config.ts`):
 *
 * - `SLACK_EXPERTS_CHANNEL`: a Slack channel id (`C…` public, `G…` private). When set, an answer
 *   the knowledge base could not give, and an answer voted 👎, carry an "Ask the experts" button
 *   that posts the question there (the bot must be a member of the channel).
 * - `TEAMS_EXPERTS_CHANNEL`: a Teams channel id (`19:…@thread.tacv2`), the same for Teams.
 * - `SLACK_ADMIN_USER_IDS`: Slack user ids (`U…`/`W…`) who see the knowledge-gap report in the
 *   app's Home tab.
 *
 * Unset, nothing changes: no button, no report in the Home tab.
 */
import { z } from 'zod';

/** A Slack conversation id of a channel: `C…` (public) or `G…` (private), upper-case letters and digits. */
export const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{8,}$/;
/** A Teams channel id: `19:…@thread.tacv2`. */
export const TEAMS_CHANNEL_ID = /^19:[^\s@]+@thread\.tacv2$/;
/** A Slack user id: `U…`, or `W…` on Enterprise Grid. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const opt = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().optional());
const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The variables' field checks, spread into the server's schema. */
export const expertsEnvShape = {
  SLACK_EXPERTS_CHANNEL: opt.refine(
    (v) => v === undefined || SLACK_CHANNEL_ID.test(v),
    "must be a Slack channel id (C… or G…, from the channel's details; not its name)",
  ),
  TEAMS_EXPERTS_CHANNEL: opt.refine(
    (v) => v === undefined || TEAMS_CHANNEL_ID.test(v),
    'must be a Teams channel id (19:…@thread.tacv2, from "Get link to channel")',
  ),
  SLACK_ADMIN_USER_IDS: opt.refine(
    (v) => list(v).every((id) => SLACK_USER_ID.test(id)),
    'must be a comma-separated list of Slack user ids (U… or W…)',
  ),
};

export interface ExpertsConfig {
  /** `SLACK_EXPERTS_CHANNEL`. */
  slackChannel?: string;
  /** `TEAMS_EXPERTS_CHANNEL`. */
  teamsChannel?: string;
  /** `SLACK_ADMIN_USER_IDS`: who sees the gap report in the Home tab. */
  slackAdminUserIds: string[];
}

export function toExpertsConfig(env: { [K in keyof typeof expertsEnvShape]?: string }): ExpertsConfig {
  return {
    ...(env.SLACK_EXPERTS_CHANNEL ? { slackChannel: env.SLACK_EXPERTS_CHANNEL } : {}),
    ...(env.TEAMS_EXPERTS_CHANNEL ? { teamsChannel: env.TEAMS_EXPERTS_CHANNEL } : {}),
    slackAdminUserIds: list(env.SLACK_ADMIN_USER_IDS),
  };
}
