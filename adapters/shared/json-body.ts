/**
 * JSON bodies at the edge: a linear scan refuses too-deep nesting before `JSON.parse` ever sees
 * it (a megabyte of `[[[[…` costs `JSON.parse` far more than this scan, and can overflow its stack),
 * then the body must be UTF-8 and parse to a JSON object. The JSON parser of every route's admission
 * (`admission.ts`).
 */

/** Deepest `{`/`[` nesting accepted in a request body. Slack and Teams payloads nest about 10 deep. */
const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when `bytes` (JSON text) opens more than `maxDepth` nested objects/arrays; strings are skipped. */
function nestedDeeperThan(bytes: Uint8Array, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b === QUOTE) {
      for (i += 1; i < bytes.length && bytes[i] !== QUOTE; i += 1) if (bytes[i] === BACKSLASH) i += 1;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Parses `bytes` as a JSON object: empty, too deep, not UTF-8, malformed or not an object is an error naming which. */
export function parseJsonObject(bytes: Buffer, maxDepth: number = MAX_JSON_DEPTH): JsonObjectResult {
  if (bytes.length === 0) return { ok: false, error: 'empty request body' };
  if (nestedDeeperThan(bytes, maxDepth)) return { ok: false, error: `request body nests deeper than ${maxDepth} levels` };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, error: 'request body is not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'request body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'request body must be a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}
