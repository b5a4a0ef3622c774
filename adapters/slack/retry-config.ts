/** The Slack Web API client's retry policy type, shared by the HTTP app (`app.ts`) and Socket Mode (`socket-mode.ts`). */
import type { AppOptions } from '@slack/bolt';

/** The Web API client's retry policy (p-retry options). */
export type SlackRetryConfig = NonNullable<NonNullable<AppOptions['clientOptions']>['retryConfig']>;
