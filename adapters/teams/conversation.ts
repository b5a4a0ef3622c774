/**
 * Reading the Teams facts a turn depends on out of an incoming activity: where it was said
 * (personal chat, group chat, channel), by whom, in which tenant, and whether the bot was
 * @mentioned. Each reads the activity defensively (zod over the fields it uses), since activity
 * JSON comes from the network.
 *
 * Shapes: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** Where a message was posted, from Teams' `conversation.conversationType`. */
export type TeamsScope = 'personal' | 'groupChat' | 'channel';

const conversationSchema = z.object({
  conversationType: z.string().optional(),
  isGroup: z.boolean().optional(),
  tenantId: z.string().optional(),
});
const channelDataSchema = z.object({
  tenant: z.object({ id: z.string() }).optional(),
  teamsChannelId: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
});
const mentionSchema = z.object({
  type: z.string().refine((t) => t.toLowerCase() === 'mention'),
  text: z.string().optional(),
  mentioned: z.object({ id: z.string() }),
});

/**
 * The scope of `activity`: `conversationType` when Teams sets it (`personal`, `groupChat`,
 * `channel`); otherwise `channel` when channel data names a channel, `groupChat` when the
 * conversation is a group, else `personal` (the Bot Framework Emulator sets none of these).
 */
export function scopeOf(activity: Partial<Activity>): TeamsScope {
  const conversation = conversationSchema.safeParse(activity.conversation ?? {});
  const type = conversation.success ? conversation.data.conversationType : undefined;
  if (type === 'personal' || type === 'groupChat' || type === 'channel') return type;
  const channelData = channelDataSchema.safeParse(activity.channelData ?? {});
  if (channelData.success && (channelData.data.teamsChannelId || channelData.data.channel)) return 'channel';
  if (conversation.success && conversation.data.isGroup) return 'groupChat';
  return 'personal';
}

/** The tenant (Microsoft Entra directory) id: `channelData.tenant.id`, else `conversation.tenantId`. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = channelDataSchema.safeParse(activity.channelData ?? {});
  if (channelData.success && channelData.data.tenant?.id) return channelData.data.tenant.id;
  const conversation = conversationSchema.safeParse(activity.conversation ?? {});
  return conversation.success ? conversation.data.tenantId : undefined;
}

/**
 * Whether `activity` may be answered under the tenant allow-list `allowed` (lower-cased ids): an
 * empty list allows every tenant; otherwise the activity's tenant must be on it (an activity
 * without a tenant is refused).
 */
export function tenantAllowed(activity: Partial<Activity>, allowed: ReadonlySet<string>): boolean {
  if (allowed.size === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowed.has(tenant.toLowerCase());
}

/** The mention entities of `activity` that point at the bot (`recipient.id`). */
function botMentions(activity: Partial<Activity>): { text?: string }[] {
  const botId = activity.recipient?.id;
  if (!botId || !Array.isArray(activity.entities)) return [];
  return activity.entities.flatMap((e) => {
    const m = mentionSchema.safeParse(e);
    return m.success && m.data.mentioned.id === botId ? [m.data] : [];
  });
}

/** Whether the bot (`recipient`) is @mentioned in `activity` (a `mention` entity naming it). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

/**
 * The message text with every @mention of the bot removed (the `<at>Name</at>` text that its
 * mention entities name), trimmed. Other markup and entities are left for the core's
 * `normalizeQuestion` (which `Assistant.ask` applies). Does not modify `activity`.
 */
export function textWithoutBotMention(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  for (const m of botMentions(activity)) if (m.text) text = text.split(m.text).join(' ');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The conversation a message belongs to (the ask context's `thread`): Teams' conversation id
 * within the tenant. In a channel the id names the thread (`19:…@thread.tacv2;messageid=<root>`),
 * so every reply in a thread is one conversation and another thread is another; a group or
 * personal chat is one conversation (its recent turns). `undefined` without a conversation id.
 */
export function conversationKeyOf(activity: Partial<Activity>): string | undefined {
  const id = activity.conversation?.id;
  return typeof id === 'string' && id ? `teams:${tenantOf(activity) ?? ''}:${id}` : undefined;
}

/** Who sent `activity`: the Microsoft Entra object id when Teams gives one, else `from.id` (`29:…`). */
export function userOf(activity: Partial<Activity>): string {
  const from = activity.from as { id?: unknown; aadObjectId?: unknown } | undefined;
  if (typeof from?.aadObjectId === 'string' && from.aadObjectId) return from.aadObjectId;
  return typeof from?.id === 'string' ? from.id : 'unknown';
}
