/** Loads the Teams activity fixtures in test/fixtures/teams (fresh deep copies). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureName =
  | 'channel-mention'
  | 'group-chat-mention'
  | 'group-chat-no-mention'
  | 'personal-message'
  | 'card-submit-ask'
  | 'card-submit-feedback'
  | 'members-added-personal'
  | 'members-added-channel';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActivityJson = Record<string, any>;

const dir = join(__dirname, '..', '..', 'fixtures', 'teams');

/** The fixture `name`, with `overrides` merged on top (shallow). */
export function fixture(name: FixtureName, overrides: ActivityJson = {}): ActivityJson {
  const activity = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as ActivityJson;
  return { ...activity, ...overrides };
}

export const BOT_ID = '28:00000000-0000-4000-8000-00000000b07a';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
