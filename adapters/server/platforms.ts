/**
 * Mounting the platforms on the server, each from its slice of the configuration. Each adapter
 * module is loaded only when it is used, so a deployment without Slack never loads Bolt. A route
 * is a path, a method and the platform's listener; the listener admits the body the way its
 * platform declares (`../shared/admission.ts`: media types, limit, authentication, parser).
 *
 * - Teams (`auth`, or `open` in local mode): `POST /api/messages`, JSON only, 256 KiB; the
 *   adapter checks the token's shape before it reads the body, and without auth replies only to
 *   loopback `serviceUrl`s (plus `TEAMS_ALLOWED_SERVICE_URLS`). See `teamsAdmission`.
 * - Slack HTTP mode: `POST /slack/events`, JSON or form-encoded, 1 MB; the adapter checks the
 *   signature headers before reading and the signature over the raw bytes before anything parses
 *   them. See `slackAdmission`. Socket Mode: no route, one WebSocket,
 *   whose state `/healthz` shows (`slackSocket`: `connected`, or `connecting`, `reconnecting`,
 *   `disconnected` while no events can arrive; it does not change the status code).
 * - Playground (when enabled): `GET /`, `/playground/*`, tried after the routes; it answers only
 *   to loopback hosts and `PUBLIC_HOST`, and asks for `PLAYGROUND_TOKEN` when one is set.
 *
 * Every mount returns the human-readable lines the startup log prints about it.
 */
import { type EscalationLog, type FeedbackStore, memoryEscalations, type Report, type ReportQuery } from '../../src/index';
import type { Dedupe } from '../slack/dedupe';
import type { ServerConfig } from './config';
import { inConversations } from './conversational-assistant';
import type { Conversations } from './conversations';
import type { AppServer } from './http-server';
import type { LiveAssistant } from './live-assistant';
import type { Logger } from './logger';
import { requestIdOf } from './request-id';

export interface MountContext {
  config: ServerConfig;
  app: AppServer;
  live: LiveAssistant;
  feedbackStore: FeedbackStore;
  /** Slack's retry and replay de-duplication (shared by the replicas on one store). Default per process. */
  slackDedupe?: Dedupe;
  /** Where "Ask the experts" escalations are recorded (the store's). Default in process memory. */
  escalations?: EscalationLog;
  /** The store's knowledge-gap report, for the admins' Slack Home tab. */
  report?: (query: ReportQuery) => Promise<Report>;
  logger: Logger;
  /** Public base URL for the log lines, e.g. `http://localhost:3978`. */
  baseUrl: string;
  /** Where follow-ups find their conversation's earlier turns. Default: none (each question alone). */
  conversations?: Conversations;
}

export interface Mounted {
  /** Lines for the startup log. */
  lines: string[];
  /** Called on shutdown, after in-flight requests finished. */
  stop?: () => Promise<void>;
  /** Extra `/healthz` fields (e.g. `slackSocket`); they never change its status. */
  health?: () => Record<string, unknown>;
}

/** The Slack variables that turn it on, for the "disabled" line. */
export const SLACK_SETUP_HINT =
  'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode, Events URL {base}/slack/events), or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode)';

export async function mountTeams(ctx: MountContext): Promise<Mounted> {
  const teams = ctx.config.teams;
  if (teams.mode === 'off') {
    return { lines: ['teams: disabled (set MicrosoftAppId and MicrosoftAppPassword, see docs/deploy.md)'] };
  }
  const { createTeamsBot } = require('../teams/create-teams-bot') as typeof import('../teams/create-teams-bot');
  const bot = createTeamsBot({
    ...(teams.mode === 'auth'
      ? { appId: teams.appId, appPassword: teams.appPassword, appType: teams.appType, tenantId: teams.tenantId }
      : {}),
    allowedTenantIds: teams.allowedTenantIds,
    ...(teams.mode === 'open' ? { allowedServiceUrls: teams.allowedServiceUrls } : {}),
    secrets: ctx.config.secrets,
    assistant: inConversations(ctx.live.forPlatform('teams'), ctx.conversations),
    feedbackStore: ctx.feedbackStore,
    ...(ctx.config.experts.teamsChannel ? { experts: { channel: ctx.config.experts.teamsChannel, log: escalationsOf(ctx) } } : {}),
    logger: ctx.logger,
    requestIdOf,
  });
  ctx.app.mount({ path: '/api/messages', method: 'POST', handler: bot.requestListener });
  const url = `${ctx.baseUrl}/api/messages`;
  if (teams.mode === 'open' && !ctx.config.local) {
    ctx.logger.warn(
      'teams: serving /api/messages WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED): anyone who can reach it gets answers (replies go to loopback serviceUrls and TEAMS_ALLOWED_SERVICE_URLS only)',
    );
  }
  return {
    lines:
      teams.mode === 'auth'
        ? [`teams: POST ${url} (Bot Framework auth, ${teams.appType})`]
        : [`teams: POST ${url} without auth: connect the Bot Framework Emulator to it with an empty app id and password`],
  };
}

export async function mountSlack(ctx: MountContext): Promise<Mounted> {
  const slack = ctx.config.slack;
  if (slack.mode === 'off') return { lines: [`slack: disabled (${SLACK_SETUP_HINT.replace('{base}', ctx.baseUrl)})`] };
  const { createSlackApp } = require('../slack/app') as typeof import('../slack/app');
  const app = createSlackApp({
    botToken: slack.botToken,
    signingSecret: slack.signingSecret,
    ...(slack.mode === 'socket' ? { appToken: slack.appToken } : {}),
    apiUrl: slack.apiUrl,
    allowedTeamIds: slack.allowedTeamIds,
    secrets: ctx.config.secrets,
    assistant: inConversations(ctx.live.forPlatform('slack'), ctx.conversations),
    feedbackStore: ctx.feedbackStore,
    ...(ctx.slackDedupe ? { seen: ctx.slackDedupe } : {}),
    ...(ctx.config.experts.slackChannel ? { experts: { channel: ctx.config.experts.slackChannel, log: escalationsOf(ctx) } } : {}),
    home: { admins: new Set(ctx.config.experts.slackAdminUserIds), ...(ctx.report ? { report: ctx.report } : {}) },
    logger: ctx.logger,
    requestIdOf,
  });
  await app.start();
  if (slack.mode === 'http' && app.requestListener) {
    ctx.app.mount({ path: '/slack/events', method: 'POST', handler: app.requestListener });
    return {
      lines: [`slack: POST ${ctx.baseUrl}/slack/events (HTTP mode: Events, Interactivity and /aws all use this URL)`],
      stop: () => app.stop(),
    };
  }
  return {
    lines: ['slack: Socket Mode (one WebSocket to Slack; no public URL needed; GET /healthz shows slackSocket)'],
    stop: () => app.stop(),
    health: () => ({ slackSocket: app.socketState?.() }),
  };
}

/** The store's escalation log, else one in this process's memory. */
function escalationsOf(ctx: MountContext): EscalationLog {
  return ctx.escalations ?? memoryEscalations();
}

export async function mountPlayground(ctx: MountContext): Promise<Mounted> {
  if (!ctx.config.playground) return { lines: [] };
  const { createPlaygroundHandler } = require('../web/playground') as typeof import('../web/playground');
  const web = inConversations(ctx.live.forPlatform('web'), ctx.conversations);
  ctx.app.fallback(
    createPlaygroundHandler({
      assistant: () => web,
      feedbackStore: ctx.feedbackStore,
      logger: ctx.logger,
      publicHost: ctx.config.publicHost,
      token: ctx.config.playgroundToken,
      requestIdOf,
      knowledgeStatus: () => {
        const rejected = ctx.live.rejected;
        return { version: web.stats().version, ...(rejected ? { rejected } : {}) };
      },
    }),
  );
  return { lines: [`playground: ${ctx.baseUrl}/ (ask in a browser, see the Slack and Teams renderings side by side)`] };
}
