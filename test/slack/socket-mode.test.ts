/**
 * Socket Mode keeps one Bolt app with every listener (HTTP mode gives the slash command an app of
 * its own): a slash command delivered the way the Socket Mode receiver delivers it
 * (`app.processEvent` with an `ack`) is acknowledged with the answer, as an object.
 */
import pino from 'pino';
import { InMemoryFeedbackStore } from '../../src/index';
import { createSlackApp } from '../../adapters/slack/app';
import { BOT_TOKEN, fixture, realAssistant } from './helpers/harness';

describe('Socket Mode', () => {
  it('answers /aws through the one app', async () => {
    const slack = createSlackApp({
      botToken: BOT_TOKEN,
      appToken: 'xapp-1-A111-222-abc',
      botId: 'BBOTID001',
      botUserId: 'UBOTUSER1',
      apiUrl: 'http://127.0.0.1:9/api/',
      assistant: realAssistant(),
      feedbackStore: new InMemoryFeedbackStore(),
      logger: pino({ level: 'silent' }),
    });
    await slack.app.init(); // not start(): that would open the socket
    const acks: unknown[] = [];
    await slack.app.processEvent({
      body: { ...fixture('slash-command'), text: 'SLA for EKS' },
      ack: async (response?: unknown) => {
        acks.push(response);
      },
    });
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(acks[0])).toContain('99.95%');
  });
});
