/**
 * The shape an incoming Bot Framework activity must have before it reaches botbuilder: a JSON
 * Schema of the fields the adapter and the bot rely on (everything else passes through
 * unchecked), compiled once by Ajv into a validator.
 *
 * Why Ajv and not zod here (zod validates every other edge: environment, knowledge files, Slack
 * payloads, card submit values): this check runs on every request of the busiest endpoint, and
 * measured in place under load (`npm run bench`'s Teams target, hrtime around the call) zod's
 * generic interpreter cost 35–50 µs per activity, against 8–12 µs for Ajv's code generated for
 * this one schema, out of about 1.3 ms per request. Ajv is the ecosystem's JSON Schema validator.
 */
import Ajv, { type ErrorObject, type JSONSchemaType, type SchemaObject } from 'ajv';
import type { Activity } from 'botbuilder';

/** The fields of an incoming activity that are checked; the rest passes through. */
export interface IncomingActivity {
  type: string;
  channelId: string;
  /** Where replies are posted: an absolute `http:` or `https:` URL. */
  serviceUrl: string;
  conversation: { id: string };
  from: { id: string };
  recipient: { id: string };
  id?: string;
  text?: string;
  entities?: { type: string }[];
  membersAdded?: { id: string }[];
  channelData?: Record<string, unknown>;
}

const withId: JSONSchemaType<{ id: string }> = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1 } },
};

/**
 * The JSON Schema (draft-07) of {@link IncomingActivity}. Optional fields may be absent but not
 * `null` (Ajv's `JSONSchemaType` would require `nullable` on them, so this is a plain schema;
 * test/teams/incoming-activity.test.ts checks it against an independent zod statement).
 */
export const incomingActivityJsonSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient'],
  properties: {
    type: { type: 'string', minLength: 1 },
    channelId: { type: 'string', minLength: 1 },
    serviceUrl: { type: 'string', format: 'http-url' },
    conversation: withId,
    from: withId,
    recipient: withId,
    id: { type: 'string' },
    text: { type: 'string' },
    entities: {
      type: 'array',
      items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
    },
    membersAdded: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    },
    channelData: { type: 'object' },
  },
};

/**
 * Whether `value` is an absolute `http://` or `https://` URL that parses. The `://` is required:
 * the URL parser would otherwise turn `https:host/x` or `https:\\host` into `https://host/x`.
 */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const ajv = new Ajv({ allErrors: false, formats: { 'http-url': isHttpUrl } });
const validate = ajv.compile<IncomingActivity>(incomingActivityJsonSchema);

/** `conversation.id: must be string`, or `body: must be object` for the top level. */
function describe(error: ErrorObject): string {
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') path.push(String((error.params as { missingProperty: string }).missingProperty));
  const message = error.keyword === 'required' ? 'is required' : error.keyword === 'format' ? 'must be an http(s) URL' : error.message;
  return `${path.length ? path.join('.') : 'body'}: ${message ?? 'is invalid'}`;
}

/**
 * Checks `value` against {@link incomingActivityJsonSchema}: the activity itself (same object)
 * when it conforms, else the first problem, naming the field (`conversation.id: must be string`).
 */
export function checkIncomingActivity(value: unknown): { ok: true; activity: IncomingActivity } | { ok: false; problem: string } {
  if (validate(value)) return { ok: true, activity: value };
  const [first] = validate.errors ?? [];
  return { ok: false, problem: first ? describe(first) : 'body: is invalid' };
}

/**
 * `activity` as botbuilder's `Activity`: its ISO-8601 `timestamp`, `localTimestamp` and
 * `expiration` strings become `Date`s, the original strings kept as `rawTimestamp`,
 * `rawLocalTimestamp` and `rawExpiration` (what `CloudAdapter.process` does before a turn).
 * Mutates and returns `activity`.
 */
export function withDateTimestamps(activity: IncomingActivity): Activity {
  const a = activity as IncomingActivity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = a[field];
    if (typeof value === 'string') {
      a[raw] = value;
      a[field] = new Date(value);
    }
  }
  return a as unknown as Activity;
}
