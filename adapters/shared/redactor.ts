/**
 * The one secret redactor of every log line: configured with every secret the configuration holds
 * (whatever their length), it replaces them, URL userinfo (`https://user:pass@proxy`) and anything
 * shaped like a Slack token, a bearer/basic credential or a JWT with `[redacted]`.
 *
 * {@link errorSerializer} is pino's own error serializer (`pino.stdSerializers.err`) reduced to the
 * fields worth logging, with message and stack redacted: connector and Web API errors carry the
 * outgoing request (its `Authorization` header included), which must never be logged whole.
 */
import pino from 'pino';

export const CENSOR = '[redacted]';

// Each pattern starts only where its character class does not continue from the left, so a long
// run of near-matches is scanned once, not once per position.
const SLACK_TOKEN = /(?<![A-Za-z0-9-])x(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/**
 * `scheme://userinfo@`: the userinfo (user, password) of any URL. Scheme and userinfo are bounded,
 * so a long line of `a.a.a.…` cannot make the scan quadratic.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@"'<>]{1,1024}@/gi;
/**
 * What every credential shape above starts with (`://`, `xox?-`/`xapp-`, `Bearer`/`Basic`, `eyJ`):
 * a line without any of them (most lines) needs only the secret values looked for, one scan
 * instead of four.
 */
const MAYBE_CREDENTIAL = /:\/\/|x(?:ox[a-z]|app)-|bearer|basic|eyJ/i;

export interface Redactor {
  /** `text` with every secret and credential-shaped string replaced by {@link CENSOR}. */
  text(text: string): string;
  /** The secret values, longest first. */
  readonly secrets: readonly string[];
}

/** The forms a secret takes in a log line: as is, JSON-escaped, URL-encoded. */
function forms(secret: string): string[] {
  const out = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  return [...out].filter((s) => s.length > 0);
}

/**
 * A redactor for `secrets` (empty values are ignored). The password of a URL among them (a proxy
 * in `SLACK_API_URL`) is added as a secret of its own, so it is found even outside the URL.
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    values.add(secret);
    const password = urlPassword(secret);
    if (password) values.add(password);
  }
  const all = [...values].flatMap(forms);
  const sorted = [...new Set(all)].sort((a, b) => b.length - a.length);
  return {
    secrets: sorted,
    text(text: string): string {
      let out = !MAYBE_CREDENTIAL.test(text)
        ? text
        : text
            .replace(URL_USERINFO, `$1${CENSOR}@`)
            .replace(SLACK_TOKEN, CENSOR)
            .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${CENSOR}`)
            .replace(JWT, CENSOR);
      for (const secret of sorted) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
      return out;
    },
  };
}

/** The password (or lone user) in `value`'s userinfo when it is a URL with one, else undefined. */
export function urlPassword(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  try {
    const url = new URL(value);
    const secret = url.password || url.username;
    if (!secret) return undefined;
    try {
      return decodeURIComponent(secret);
    } catch {
      return secret;
    }
  } catch {
    return undefined;
  }
}

/**
 * Where a library's text line starts quoting a payload: a `body:`, `result:`, `headers:`,
 * `storedResponse:` or `event:` label, or the first `{` or `[` (a JSON or inspected object).
 */
const PAYLOAD_START = /\b(?:body|result|headers|storedResponse|event|activity|payload)\b\s*[:=]|[{[]/i;

/** Marks what was cut off by {@link omitPayload}. */
export const OMITTED = '[payload omitted]';

/**
 * A library's log text (Bolt's and the WebClient's, botbuilder's `console` output) without any
 * payload it quotes: cut at the first payload label or object, so request and response bodies
 * (question text, channel and user ids) never reach a log line, whatever `LOG_LEVEL`. Linear.
 */
export function omitPayload(text: string): string {
  const m = PAYLOAD_START.exec(text);
  if (!m) return text;
  const kept = m[0].endsWith(':') || m[0].endsWith('=') ? text.slice(0, m.index + m[0].length) : text.slice(0, m.index);
  return `${kept.trimEnd()} ${OMITTED}`;
}

/** Fields of a serialized error worth a log line (never the request, the response or headers). */
const KEPT = ['type', 'message', 'stack', 'code', 'errno', 'syscall', 'statusCode', 'status'] as const;

/**
 * pino's error serializer, keeping only {@link KEPT} fields (plus `slackError`, a Web API error's
 * code), with `message` and `stack` redacted. A value that is not an error becomes `{ message }`.
 */
export function errorSerializer(redactor: Redactor): (value: unknown) => Record<string, unknown> {
  return (value: unknown) => {
    if (!(value instanceof Error)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const v = value as Record<string, unknown>;
        return { ...(typeof v.type === 'string' ? { type: v.type } : {}), message: redactor.text(String(v.message ?? '')) };
      }
      return { message: redactor.text(String(value)) };
    }
    const full = pino.stdSerializers.err(value) as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of KEPT) {
      const field = full[key];
      if (typeof field === 'string') out[key] = key === 'message' || key === 'stack' ? redactor.text(field) : field;
      else if (typeof field === 'number') out[key] = field;
    }
    const slackError = (value as { data?: { error?: unknown } }).data?.error;
    if (typeof slackError === 'string') out.slackError = slackError;
    return out;
  };
}

/** `logger` as a child whose `err` fields go through {@link errorSerializer} with `redactor`. */
export function withErrorSerializer<L extends pino.Logger>(logger: L, bindings: pino.Bindings, redactor: Redactor): L {
  return logger.child(bindings, { serializers: { err: errorSerializer(redactor) } }) as L;
}
