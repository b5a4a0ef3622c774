/**
 * The `POST /api/messages` endpoint as a plain `node:http` request listener: the request is
 * admitted by the one admission path (`../shared/admission.ts`) with Teams' declaration,
 * {@link teamsAdmission}, then handed to the `CloudAdapter` (`TeamsCloudAdapter.processIncoming`:
 * authentication, connector, the bot's turn).
 *
 * Order of checks, so that unauthenticated junk costs almost nothing: content type (415), then
 * with auth on the `Authorization` header's presence and shape (a `Bearer` JWT; 401 before a byte
 * of the body is read), the size (413 over `maxBodyBytes`), the nesting and the JSON (400), the
 * activity's shape (400, naming the field at fault), without auth the `serviceUrl` (403 unless on
 * a loopback host or in `allowedServiceUrls`: no blind relay), and only then the token itself
 * (401). Then 200 for a handled activity (even when the reply could not be delivered: that is
 * logged), or the status an `invoke` asks for (400: the app declares no invoke feature). Bad input
 * never yields a 5xx; a 500 means a bug, and is logged.
 *
 * The path and the method are the router's (the server's `request-path.ts` rule and its 404/405):
 * whatever it routes here is served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, ActivityHandlerBase, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { type Admission, admit, answerRefusal, refusal } from '../shared/admission';
import { parseJsonObject } from '../shared/json-body';
import { serviceUrlAllowed as isAllowedServiceUrl } from '../shared/loopback';
import { createRedactor, type Redactor, withErrorSerializer } from '../shared/redactor';
import { refuse, respond } from '../shared/respond';
import type { TeamsCloudAdapter } from './adapter';
import { checkIncomingActivity, withDateTimestamps } from './incoming-activity';
import { setTurnRequestId } from './turn-request-id';

/** Largest accepted Teams request body: 256 KiB (activities are a few KB). */
export const TEAMS_MAX_BODY_BYTES = 256 * 1024;

/** A Bot Framework `Authorization` header: `Bearer` and a JWT (three base64url parts), at most 16 KB. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_AUTH_HEADER = 16 * 1024;

export interface MessagesListenerOptions {
  /** Runs the turns (`createTeamsAdapter`); only `processIncoming` is used. */
  adapter: Pick<TeamsCloudAdapter, 'processIncoming'>;
  bot: ActivityHandlerBase;
  logger: Logger;
  /** Largest accepted body in bytes. Default {@link TEAMS_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /**
   * Whether requests must carry a valid Bot Framework token (an app id is configured). Then any
   * failure before the bot runs (a refused token, or one that cannot be validated at all, e.g.
   * when the signing keys cannot be fetched) is a 401 rather than a server error. Default false.
   */
  authRequired?: boolean;
  /** Redacts logged errors (the app password). Default: one built from `secrets`. */
  redactor?: Redactor;
  /** Values redacted from every logged error (the app password), when no `redactor` is given. */
  secrets?: readonly string[];
  /**
   * Without auth: origins (`https://host:port`) besides loopback hosts that replies may be sent to
   * (`TEAMS_ALLOWED_SERVICE_URLS`, e.g. the Emulator on a Docker host). Default none.
   */
  allowedServiceUrls?: readonly string[];
  /** The id of a request (the server's `requestIdOf`), handed to the bot in the turn state. */
  requestIdOf?: (req: IncomingMessage) => string | undefined;
}

/**
 * Teams' admission: JSON, `maxBodyBytes`; with `authRequired`, the `Authorization` header must
 * be a `Bearer` JWT before a byte is read (401; the token itself is validated by botbuilder after
 * the body is parsed); the body must be an activity (400 naming the field at fault). Passes the
 * `Authorization` header on.
 */
export function teamsAdmission(maxBodyBytes: number, authRequired: boolean): Admission<Activity, string | undefined> {
  return {
    accept: ['application/json'],
    maxBodyBytes,
    authenticate(req) {
      const authorization = req.headers.authorization;
      const shaped = typeof authorization === 'string' && authorization.length <= MAX_AUTH_HEADER && BEARER_JWT.test(authorization);
      return authRequired && !shaped ? refusal(401, 'unauthorized') : { ok: true, value: authorization };
    },
    parse(raw) {
      const json = parseJsonObject(raw);
      if (!json.ok) return refusal(400, json.error);
      const checked = checkIncomingActivity(json.value);
      if (!checked.ok) return refusal(400, `not an activity: ${checked.problem}`);
      return { ok: true, value: withDateTimestamps(checked.activity) };
    },
  };
}

/**
 * Whether `error` is botbuilder's refusal of a request's credentials: an `AuthenticationError`
 * (botframework-connector's class, which botbuilder does not re-export: recognized by its class
 * name) or any error carrying status 401 or 403.
 */
function isAuthFailure(error: unknown): boolean {
  const e = error as { constructor?: { name?: unknown }; statusCode?: unknown } | null;
  return e?.constructor?.name === 'AuthenticationError' || e?.statusCode === 401 || e?.statusCode === 403;
}

/** The first line of `error`'s message, redacted. */
function firstLine(error: unknown, redactor: Redactor): string {
  return redactor.text(String((error as Error)?.message ?? error)).split('\n')[0];
}

/** One listener's options, resolved once. */
interface Endpoint {
  options: MessagesListenerOptions;
  admission: Admission<Activity, string | undefined>;
  redactor: Redactor;
  log: Logger;
  /** Where refusals are logged (debug). */
  refusals: Parameters<typeof answerRefusal>[2];
}

/** A `node:http` request listener serving the Bot Framework messaging endpoint (see the module doc). */
export function createMessagesListener(options: MessagesListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const redactor = options.redactor ?? createRedactor(options.secrets ?? []);
  const log = withErrorSerializer(options.logger, {}, redactor);
  const endpoint: Endpoint = {
    options,
    admission: teamsAdmission(options.maxBodyBytes ?? TEAMS_MAX_BODY_BYTES, options.authRequired ?? false),
    redactor,
    log,
    refusals: { debug: (fields, message) => log.debug(fields, `teams ${message}`) },
  };
  return (req, res) => {
    handle(endpoint, req, res).catch((error: unknown) => {
      log.error({ err: error }, 'teams request failed');
      refuse(res, 500, 'internal error');
    });
  };
}

/** The admission, the `serviceUrl` without auth, then the turn. */
async function handle(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const admitted = await admit(req, endpoint.admission);
  if (!admitted.ok) return answerRefusal(res, admitted, endpoint.refusals);
  const activity = admitted.value;
  if (!serviceUrlAllowed(endpoint, activity)) return refuse(res, 403, 'serviceUrl not allowed without authentication');
  const authorization = req.headers.authorization;
  await runTurn(endpoint, authorization, activity, res, endpoint.options.requestIdOf?.(req));
}

/** Without auth, replies go only to loopback `serviceUrl`s and the allowed ones (false, logged: the caller answers 403; no blind relay). */
function serviceUrlAllowed(endpoint: Endpoint, activity: Activity): boolean {
  const { options } = endpoint;
  if (options.authRequired || isAllowedServiceUrl(activity.serviceUrl, options.allowedServiceUrls)) return true;
  endpoint.log.warn(
    { serviceUrl: String(activity.serviceUrl).slice(0, 200) },
    'teams activity refused: without authentication, replies go only to loopback serviceUrls (see TEAMS_ALLOWED_SERVICE_URLS)',
  );
  return false;
}

/**
 * Hands the activity to the adapter (authentication, then the bot's turn) and answers 200, or
 * the status an `invoke` asks for. A failure before the bot ran is a 401 when it is a refused
 * token, or with auth on any failure to validate one; anything else propagates (a 500).
 */
async function runTurn(
  endpoint: Endpoint,
  authorization: string | undefined,
  activity: Activity,
  res: ServerResponse,
  requestId: string | undefined,
): Promise<void> {
  const { options, log } = endpoint;
  let logicRan = false;
  const logic = (context: TurnContext): Promise<void> => {
    logicRan = true;
    setTurnRequestId(context, requestId);
    return options.bot.run(context);
  };
  let result: InvokeResponse | undefined;
  try {
    result = await options.adapter.processIncoming(String(authorization ?? ''), activity, logic);
  } catch (error) {
    // Authentication comes before any bot code: a failure before the bot ran is a refused token
    // (botbuilder's AuthenticationError carries 401/403), or, with auth on, one that could not be
    // validated at all. Errors inside the turn never get here (onTurnError handles them).
    const refused = isAuthFailure(error);
    if (!logicRan && (options.authRequired || refused)) {
      if (refused) log.warn({ reason: firstLine(error, endpoint.redactor) }, 'teams request rejected: not authenticated');
      // Not a refusal of the token as such (signing keys unreachable, a misconfigured app): still
      // no answer without authentication, but worth an error line.
      else log.error({ err: error }, 'teams request rejected: not authenticated (the token could not be validated)');
      refuse(res, 401, 'unauthorized');
      return;
    }
    throw error;
  }
  // Never echo an error text (it can name internal endpoints); invoke bodies pass through.
  respond(res, result?.status ?? 200, result?.body ?? undefined);
}
