/**
 * Keyed hashes of platform ids (workspace, team, channel, user): HMAC-SHA256 under a secret key,
 * hex, cut to 128 bits. The same id under the same key always gives the same hash (votes stay one
 * per user, counts stay per workspace), but without the key a hash cannot be turned back into the
 * id, nor checked against a list of known ids. The kind is part of the message, so a user id and
 * a channel id never share a hash.
 *
 * The key: `STORE_HASH_KEY` when set (keep it in your secret manager: then a copy of the database
 * alone cannot be linked to people); otherwise 32 random bytes generated once and kept in the
 * store's `settings` table (see docs/deploy.md).
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { BoundedMemo } from '../util/bounded-memo';

/** What is hashed: a platform id, or a de-duplication key (which may hold one). */
export type IdKind = 'workspace' | 'team' | 'channel' | 'user' | 'dedupe';

export type IdHasher = (kind: IdKind, id: string) => string;

/** Name of the setting that holds the generated key. */
export const HASH_KEY_SETTING = 'hash-key';

/** A new random key (32 bytes, base64url). */
export const generateHashKey = (): string => randomBytes(32).toString('base64url');

/**
 * The hasher for `key`; throws on an empty key. The same ids come back all the time (one
 * workspace, a few channels, the regular askers), so the last `memo` (default 4,096) hashes are
 * kept in memory (least recently used evicted): only their hashes, the ids are the map's keys and already in the process.
 */
export function createIdHasher(key: string, memo = 4096): IdHasher {
  if (!key) throw new Error('createIdHasher: the key must not be empty');
  const secret = createSecretKey(Buffer.from(key, 'utf8'));
  const recent = new BoundedMemo<string, string>(memo);
  const hmac = (message: string): string => createHmac('sha256', secret).update(message).digest('hex').slice(0, 32);
  return (kind, id) => recent.get(`${kind}\0${id}`, hmac);
}
