/**
 * The parts of Slack's payloads that the listeners rely on, validated with zod at the edge
 * (Bolt types them, but a signed request can still carry any JSON). Unknown fields are ignored.
 */
import { z } from 'zod';

/** A slash command (`application/x-www-form-urlencoded` fields). `text` is empty for a bare `/aws`. */
export const slashCommandSchema = z.object({
  text: z.string().optional().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().optional(),
});

/** An `app_mention` or `message` event. */
export const messageEventSchema = z.object({
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  text: z.string().optional().default(''),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  channel_type: z.string().optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** A `block_actions` payload from one of our buttons. */
export const blockActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  container: z.looseObject({ is_ephemeral: z.boolean().optional() }).optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  message: z
    .object({
      ts: z.string().min(1),
      thread_ts: z.string().optional(),
      text: z.string().optional(),
      blocks: z.array(z.looseObject({ type: z.string() })).optional(),
    })
    .optional(),
  response_url: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type BlockActionPayload = z.infer<typeof blockActionSchema>;

/** True for a direct-message channel id (`D…`). */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}
