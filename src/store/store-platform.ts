/** Where a question or vote came from. `web` is the local playground, kept apart in reports. */
export type StorePlatform = 'slack' | 'teams' | 'web' | 'cli';

export const STORE_PLATFORMS: readonly StorePlatform[] = ['slack', 'teams', 'web', 'cli'];
