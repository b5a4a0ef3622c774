import { mentionsBot, scopeOf, tenantAllowed, tenantOf, textWithoutBotMention, userOf } from '../../adapters/teams/conversation';
import { fixture, BOT_ID, TENANT_ID } from './helpers/fixtures';

describe('conversation', () => {
  describe('scopeOf', () => {
    it('reads conversationType from Teams payloads', () => {
      expect(scopeOf(fixture('channel-mention'))).toBe('channel');
      expect(scopeOf(fixture('group-chat-mention'))).toBe('groupChat');
      expect(scopeOf(fixture('personal-message'))).toBe('personal');
    });

    it('falls back to channel data, then isGroup, then personal (Emulator)', () => {
      expect(scopeOf({ conversation: { id: 'c' } as never, channelData: { teamsChannelId: '19:x' } })).toBe('channel');
      expect(scopeOf({ conversation: { id: 'c', isGroup: true } as never })).toBe('groupChat');
      expect(scopeOf({ conversation: { id: 'c' } as never, channelId: 'emulator' })).toBe('personal');
      expect(scopeOf({ conversation: { id: 'c', conversationType: 'weird' } as never, channelData: 'junk' })).toBe('personal');
    });
  });

  describe('tenantOf / tenantAllowed', () => {
    it('prefers channelData.tenant.id, then conversation.tenantId', () => {
      expect(tenantOf(fixture('channel-mention'))).toBe(TENANT_ID);
      expect(tenantOf({ conversation: { id: 'c', tenantId: 'from-conversation' } as never })).toBe('from-conversation');
      expect(tenantOf({ conversation: { id: 'c' } as never })).toBeUndefined();
    });

    it('allows everyone with an empty list, else only listed tenants', () => {
      expect(tenantAllowed(fixture('personal-message'), new Set())).toBe(true);
      expect(tenantAllowed(fixture('personal-message'), new Set([TENANT_ID]))).toBe(true);
      expect(tenantAllowed(fixture('personal-message'), new Set(['other']))).toBe(false);
      expect(tenantAllowed({ conversation: { id: 'c' } as never }, new Set([TENANT_ID]))).toBe(false);
    });
  });

  describe('mentions', () => {
    it('finds the bot mention and strips only its text', () => {
      const activity = fixture('channel-mention', {
        text: '<at>AWS QA</at> ask <at>Adele</at> about SLA for EKS &amp; ECS',
        entities: [
          { type: 'mention', mentioned: { id: BOT_ID }, text: '<at>AWS QA</at>' },
          { type: 'mention', mentioned: { id: '29:adele' }, text: '<at>Adele</at>' },
        ],
      });
      expect(mentionsBot(activity)).toBe(true);
      expect(textWithoutBotMention(activity)).toBe('ask <at>Adele</at> about SLA for EKS &amp; ECS');
      expect(activity.text).toContain('<at>AWS QA</at>');
    });

    it('tolerates entities without a type or text', () => {
      const activity = fixture('channel-mention', { entities: [{}, { type: 'mention' }, null] });
      expect(mentionsBot(activity)).toBe(false);
      expect(textWithoutBotMention({ ...activity, text: undefined })).toBe('');
    });
  });

  describe('userOf', () => {
    it('prefers the Entra object id over the Teams user id', () => {
      expect(userOf(fixture('personal-message'))).toBe('7faf80eb-4f63-4a4a-8f1b-2b7e5f3b5d11');
      expect(userOf({ from: { id: '29:abc', name: 'x' } })).toBe('29:abc');
    });
  });
});
