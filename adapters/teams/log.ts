/**
 * Logging for the Teams adapter without secrets. Errors from the connector client (Azure
 * `RestError`) carry the outgoing request, including its `Authorization: Bearer …` header: the
 * adapter's logger is therefore a child whose `err` fields go through pino's error serializer
 * reduced to safe fields and redacted (`../shared/redactor.ts`, the one redactor: bearer tokens,
 * JWTs, URL userinfo and the app password).
 */
import type { Logger } from 'pino';
import { createRedactor, type Redactor, withErrorSerializer } from '../shared/redactor';

export { createRedactor, type Redactor };

/** `logger` as the Teams component's child, its errors serialized safely with `redactor`. */
export function teamsLogger(logger: Logger, redactor: Redactor): Logger {
  return withErrorSerializer(logger, { component: 'teams' }, redactor);
}
