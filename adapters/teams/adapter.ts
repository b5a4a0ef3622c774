/**
 * The botbuilder `CloudAdapter` for Teams, authenticated with
 * `ConfigurationBotFrameworkAuthentication` (its connector clients reused across turns:
 * `reused-clients.ts`) from explicit options (the conventional
 * `MicrosoftAppId`, `MicrosoftAppPassword`, `MicrosoftAppType`, `MicrosoftAppTenantId`; this module
 * never reads `process.env`: the composition root does).
 *
 * With an app id, every incoming request must carry a valid Bot Framework bearer token (the
 * adapter refuses it otherwise, before any bot code runs, and the listener answers 401). Without
 * one (local mode, the Bot Framework Emulator), requests are accepted unauthenticated and replies
 * are sent without a token.
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { withErrorSerializer } from '../shared/redactor';
import { scopeOf } from './conversation';
import { createRedactor, type Redactor } from './log';
import { ReusedClientsAuthentication } from './reused-clients';
import { withTimeout } from './with-timeout';

/** Azure Bot identity types that botbuilder supports. */
export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface TeamsAuthOptions {
  /** `MicrosoftAppId`: the bot's Microsoft Entra app (client) id. Empty/absent: local mode, no auth. */
  appId?: string;
  /** `MicrosoftAppPassword`: the app's client secret (not used with `UserAssignedMSI`). */
  appPassword?: string;
  /** `MicrosoftAppType`. Default `MultiTenant`. */
  appType?: TeamsAppType;
  /** `MicrosoftAppTenantId`: required for `SingleTenant` and `UserAssignedMSI`. */
  tenantId?: string;
}

/** What the user sees when a turn fails unexpectedly. */
export const APOLOGY_TEXT = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/**
 * The adapter's `onTurnError`: logs the error (pino's error serializer on the adapter's logger,
 * redacted; `teamsLogger`), sends the
 * short {@link APOLOGY_TEXT} to the conversation (a failure to send that is only logged) and
 * returns normally, so the bot keeps serving and the incoming request still gets its 2xx.
 */
export function createTurnErrorHandler(options: {
  logger: Logger;
  secrets?: readonly string[];
  redactor?: Redactor;
  replyTimeoutMs?: number;
}) {
  const log = withErrorSerializer(options.logger, {}, options.redactor ?? createRedactor(options.secrets ?? []));
  return async (context: TurnContext, error: Error): Promise<void> => {
    const { activity } = context;
    log.error({ err: error, type: activity.type, scope: scopeOf(activity) }, 'teams turn failed');
    try {
      await withTimeout(context.sendActivity(APOLOGY_TEXT), options.replyTimeoutMs ?? 10_000, 'apology');
    } catch (sendError) {
      log.warn({ err: sendError }, 'teams apology not delivered');
    }
  };
}

/**
 * The `CloudAdapter`, with the entry point for a host that reads and checks requests itself.
 *
 * `process(req, res, logic)` adapts an Express- or Restify-style request: it re-checks the body
 * and the response object (rebuilding zod schemas on every call), converts the timestamps, then
 * runs the turn, and reports failures on `console.error`. The `node:http` listener (`http.ts`)
 * already reads, bounds and validates the body, and logs through pino, so it calls
 * {@link TeamsCloudAdapter.processIncoming} instead: the same authentication, connector and turn
 * pipeline, without the second round of request checks (measured at about 4% of a request's CPU).
 */
export class TeamsCloudAdapter extends CloudAdapter {
  /**
   * Runs one turn for `activity`: authenticates it with `authHeader` (the request's
   * `Authorization` header, `''` when absent; botbuilder's `processActivity`), builds the turn
   * context and runs `logic` through the middleware, `onTurnError` included. Resolves to the
   * response an `invoke` (or an expect-replies request) asks for, `undefined` otherwise. Rejects,
   * before `logic` runs, when the request cannot be authenticated.
   */
  processIncoming(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    // processActivity skips authentication when handed an already-authenticated result object:
    // only a header string (authenticated here, whatever it holds) may come in this way.
    if (typeof authHeader !== 'string') return Promise.reject(new TypeError('processIncoming: authHeader must be a string'));
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * Creates the adapter, with {@link createTurnErrorHandler} as its `onTurnError`.
 * Throws at once when botbuilder finds the options inconsistent (for example `SingleTenant`
 * without a tenant id).
 */
export function createTeamsAdapter(
  options: TeamsAuthOptions & { logger: Logger; replyTimeoutMs?: number; redactor?: Redactor },
): TeamsCloudAdapter {
  const auth = new ReusedClientsAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: options.tenantId ?? '',
  });
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler({
    logger: options.logger,
    redactor: options.redactor ?? createRedactor([options.appPassword]),
    replyTimeoutMs: options.replyTimeoutMs,
  });
  return adapter;
}
