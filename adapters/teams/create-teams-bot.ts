/**
 * The Teams adapter's entry point for a composition root: one call builds the authenticated
 * `CloudAdapter`, the bot and the `POST /api/messages` request listener from explicit, typed
 * options (nothing is read from `process.env`).
 *
 * ```ts
 * const teams = createTeamsBot({
 *   appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, appType: env.MicrosoftAppType,
 *   tenantId: env.MicrosoftAppTenantId, allowedTenantIds: env.TEAMS_ALLOWED_TENANT_IDS,
 *   assistant, feedbackStore, logger,
 * });
 * app.mount({ path: '/api/messages', method: 'POST', handler: teams.requestListener }); // the server's router decides the path
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTeamsAdapter, type TeamsAuthOptions, type TeamsCloudAdapter } from './adapter';
import { TeamsQaBot, type TeamsQaBotOptions } from './bot';
import type { TeamsExperts } from './experts';
import { createMessagesListener } from './http';
import { createRedactor, teamsLogger } from './log';

/**
 * The bot's own options (`TeamsQaBotOptions`: the assistant, the feedback store, the allowed
 * tenants, the reply timeout), with `logger` the parent logger (the adapter logs as a child with
 * `component: 'teams'`; never given secrets) and the experts without the app id (taken from the
 * identity), plus the identity and what the request listener needs.
 */
export interface TeamsBotOptions extends TeamsAuthOptions, Omit<TeamsQaBotOptions, 'experts'> {
  /** Largest accepted request body in bytes. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Without an app id: origins besides loopback that replies may go to (`TEAMS_ALLOWED_SERVICE_URLS`). */
  allowedServiceUrls?: readonly string[];
  /** The id of a request (the server's `requestIdOf`), for the bot's log lines. */
  requestIdOf?: (req: IncomingMessage) => string | undefined;
  /** More values to keep out of the logs (the configuration's other secrets). */
  secrets?: readonly string[];
  /** `TEAMS_EXPERTS_CHANNEL` and where escalations are recorded: adds "Ask the experts". Default none. */
  experts?: Omit<TeamsExperts, 'appId'>;
}

export interface TeamsBot {
  adapter: TeamsCloudAdapter;
  bot: TeamsQaBot;
  /** Serves the messaging endpoint: whatever request the router gives it (mount it at `POST /api/messages`). */
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problems with `options`' identity settings, each naming the setting; empty when consistent. */
export function teamsAuthProblems(options: TeamsAuthOptions): string[] {
  const problems: string[] = [];
  const appId = options.appId?.trim() ?? '';
  const type = options.appType ?? 'MultiTenant';
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(type)) {
    problems.push(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not "${type}"`);
  }
  if (!appId) {
    if (options.appPassword) problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty');
    return problems;
  }
  if (!GUID.test(appId)) problems.push(`MicrosoftAppId must be a GUID, not "${appId}"`);
  if (type !== 'UserAssignedMSI' && !options.appPassword)
    problems.push(`MicrosoftAppPassword is required when MicrosoftAppId is set (${type})`);
  if (type === 'UserAssignedMSI' && options.appPassword) problems.push('MicrosoftAppPassword must be empty for UserAssignedMSI');
  if (type !== 'MultiTenant' && !options.tenantId) problems.push(`MicrosoftAppTenantId is required for ${type}`);
  return problems;
}

/** Builds the Teams bot; throws listing every identity setting problem (see {@link teamsAuthProblems}). */
export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const problems = teamsAuthProblems(options);
  if (problems.length) throw new Error(`Teams bot configuration: ${problems.join('; ')}`);
  const redactor = createRedactor([options.appPassword, ...(options.secrets ?? [])]);
  const logger = teamsLogger(options.logger, redactor);
  const adapter = createTeamsAdapter({ ...options, appId: options.appId?.trim(), logger, redactor });
  const bot = new TeamsQaBot({
    assistant: options.assistant,
    feedbackStore: options.feedbackStore,
    logger,
    allowedTenantIds: options.allowedTenantIds,
    replyTimeoutMs: options.replyTimeoutMs,
    ...(options.experts ? { experts: { ...options.experts, appId: options.appId?.trim() ?? '' } } : {}),
  });
  const requestListener = createMessagesListener({
    adapter,
    bot,
    logger,
    maxBodyBytes: options.maxBodyBytes,
    authRequired: Boolean(options.appId?.trim()),
    redactor,
    allowedServiceUrls: options.allowedServiceUrls,
    requestIdOf: options.requestIdOf,
  });
  return { adapter, bot, requestListener };
}
