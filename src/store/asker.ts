/**
 * Who is asking, for the question log: an adapter runs its handling of one message inside
 * {@link withAsker}, and the store's recorder reads {@link currentAsker} when the question is
 * answered. Ids are in clear here, in memory only, for the length of one request; the recorder
 * hashes them before anything is stored.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Asker {
  /** Slack workspace (`T…`) or enterprise (`E…`); Teams tenant. */
  workspace?: string;
  /** Teams team id (channels). */
  team?: string;
  channel?: string;
  user?: string;
  /** `false`: questions asked inside are not logged (a card re-rendered after a vote, a welcome). */
  log?: boolean;
}

const storage = new AsyncLocalStorage<Asker>();

/** Runs `fn` with `asker` as the current asker (nested calls see the innermost). */
export function withAsker<T>(asker: Asker, fn: () => T): T {
  return storage.run(asker, fn);
}

/** The asker of the current request, or `undefined` outside any {@link withAsker}. */
export function currentAsker(): Asker | undefined {
  return storage.getStore();
}

/** Runs `fn` so that the questions it asks are not logged (they are not a person's question). */
export function withoutQuestionLog<T>(fn: () => T): T {
  return storage.run({ ...storage.getStore(), log: false }, fn);
}
