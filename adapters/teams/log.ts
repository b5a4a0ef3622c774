/**
 * Logging helpers for the Teams adapter that keep secrets out of the logs. Errors from the
 * connector client (Azure `RestError`) carry the outgoing request, including its
 * `Authorization: Bearer …` header; logging such an error object whole would leak the token, so
 * errors are reduced to a few safe fields, with bearer tokens, JWT-shaped strings and the app
 * password (when given) replaced by `[redacted]`.
 */

const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** `text` with bearer tokens, JWTs and each of `secrets` (8+ characters) replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(BEARER, 'Bearer [redacted]').replace(JWT, '[redacted]');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out;
}

/** The loggable fields of `error`: name, message, code, HTTP status, stack; redacted. Never the request. */
export function describeError(error: unknown, secrets: readonly string[] = []): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redact(String(error), secrets) };
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  const fields: Record<string, unknown> = { name: e.name, message: redact(e.message, secrets) };
  if (typeof e.code === 'string' || typeof e.code === 'number') fields.code = e.code;
  if (typeof e.statusCode === 'number') fields.statusCode = e.statusCode;
  if (e.stack) fields.stack = redact(e.stack, secrets);
  return fields;
}
