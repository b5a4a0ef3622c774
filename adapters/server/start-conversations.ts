/**
 * The server's {@link Conversations}, from the configuration and the running store: memory only
 * with SQLite (one replica), memory and the store's `conversations` table with PostgreSQL
 * (replicas); the keyed hash under the store's key (`STORE_HASH_KEY`, else the one kept in the
 * store), so every replica hashes a conversation alike.
 */
import { createIdHasher, generateHashKey, HASH_KEY_SETTING } from '../../src/index';
import type { StoreRuntime } from '../store/store-runtime';
import type { ServerConfig } from './config';
import { Conversations } from './conversations';
import type { Logger } from './logger';
import { SharedConversations } from './shared-conversations';

export async function startConversations(config: ServerConfig, store: StoreRuntime, logger: Logger): Promise<Conversations> {
  const ttlMinutes = config.conversationTtlMinutes;
  if (ttlMinutes === 0) {
    logger.info({ component: 'conversations' }, 'conversations: follow-ups off (CONVERSATION_TTL_MINUTES=0)');
    return new Conversations({ ttlMinutes, hash: () => '' });
  }
  const key = config.store.hashKey ?? (await store.store.setting(HASH_KEY_SETTING, generateHashKey));
  const shared =
    config.store.location.kind === 'postgres'
      ? new SharedConversations({ table: store.store.conversations(), logger, ttlMs: ttlMinutes * 60_000 })
      : undefined;
  await shared?.start();
  logger.info(
    { component: 'conversations', ttlMinutes, shared: shared !== undefined },
    `conversations: follow-ups read in context for ${ttlMinutes} min after a conversation's last turn (${shared ? 'in memory and in the store, shared by replicas' : 'in memory'})`,
  );
  return new Conversations({ ttlMinutes, hash: createIdHasher(key), shared });
}
