/**
 * What a clicked button sends back, read the same way on every platform: the payload is
 * user-controlled input (anyone can forge a click), so it is parsed within a length bound and
 * validated with the adapter's zod schema, and anything else is `undefined`, never an exception.
 */
import type { z } from 'zod';

export interface ButtonPayloadOptions {
  /** Longest JSON text accepted; a longer string is refused unread. */
  maxJsonLength: number;
  /**
   * Whether the payload may also arrive already parsed (an object, as Teams delivers a submit's
   * data); otherwise only a JSON string is read (a Slack button's `value`). Default false.
   */
  acceptObject?: boolean;
}

/**
 * Reads a button's payload: a JSON string (at most `maxJsonLength` long) or, with `acceptObject`,
 * the value itself, validated by `schema`. `undefined` for no payload, a string too long or not
 * JSON, another type, or data not of the schema's shape.
 */
export function parseButtonPayload<T>(payload: unknown, schema: z.ZodType<T>, options: ButtonPayloadOptions): T | undefined {
  // No payload (a typed message): nothing to read, and no validation error to build.
  if (payload === undefined || payload === null) return undefined;
  let data = payload;
  if (typeof payload === 'string') {
    if (payload.length > options.maxJsonLength) return undefined;
    try {
      data = JSON.parse(payload);
    } catch {
      return undefined;
    }
  } else if (!options.acceptObject) {
    return undefined;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
