/**
 * The Home tab through the real Bolt receiver (signed `app_home_opened`, Web API faked on
 * loopback): examples from the knowledge base and how to ask for everyone; the gap report, read
 * from a real SQLite store, for the admins only; at most 100 blocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnownBlock } from '@slack/types';
import { HOME_MAX_BLOCKS, homeView } from '../../adapters/slack/app-home';
import { openStore, type OpenedStore } from '../../adapters/store/open-store';
import { type QuestionRow, zeroTotals } from '../../src/index';
import { fixture, realAssistant, useHarness } from './helpers/harness';
import { slackViolations } from './helpers/slack-limits';

const ADMIN = 'UADMIN0001';
const root = mkdtempSync(join(tmpdir(), 'aws-qa-home-'));
let opened: OpenedStore;

beforeAll(async () => {
  opened = await openStore({ kind: 'sqlite', dataDir: root, file: join(root, 'aws-qa.db') });
  const now = Date.now();
  const q = (over: Partial<QuestionRow>): QuestionRow => ({
    at: now - 1000,
    platform: 'slack',
    answered: false,
    intent: 'not-found',
    answerId: 'nf-1',
    question: 'sla for route 53',
    workspace: null,
    team: null,
    channel: null,
    user: null,
    ...over,
  });
  await opened.store.write({
    questions: [
      q({}),
      q({ platform: 'teams' }),
      q({ at: now - 10 * 86_400_000 }),
      q({ question: 'cloud run vs app runner' }),
      q({ question: 'sla for eks', answered: true, intent: 'sla', answerId: 'a-eks' }),
    ],
    votes: [{ at: now - 1000, platform: 'slack', answerId: 'a-eks', question: 'lambda timeout limit', vote: 'down', user: 'h1' }],
  });
  await opened.store.escalate({ at: now - 500, platform: 'slack', answerId: 'nf-1', question: 'sla for route 53', user: 'h2' });
});
afterAll(async () => {
  await opened.store.close();
  rmSync(root, { recursive: true, force: true });
});

let events = 0;
const homeOpened = (user: string, tab = 'home'): string => {
  const body = fixture('app-home-opened');
  body.event_id = `EvHome${(events += 1)}`;
  body.event = { ...body.event, user, tab };
  return JSON.stringify(body);
};

describe('Slack Home tab', () => {
  const h = useHarness({ home: { admins: new Set([ADMIN]), report: (query) => opened.store.report(query) } }, { resetEachTest: true });
  // The Web API client sends `view` as a JSON form field.
  const published = () =>
    h.fake.ok('views.publish').map((c) => ({
      user_id: c.body.user_id as string,
      view: JSON.parse(c.body.view as string) as { type: string; blocks: KnownBlock[] },
    }));
  const text = (blocks: unknown): string => JSON.stringify(blocks);

  it('shows everyone examples from the knowledge base and how to ask, and nobody else’s questions', async () => {
    expect((await h.post(homeOpened('U061F7AUR'))).status).toBe(200);
    await h.fake.waitFor(() => published().length === 1);
    const [{ user_id, view }] = published();
    expect(user_id).toBe('U061F7AUR');
    expect(view.type).toBe('home');
    const help = realAssistant().ask('help');
    const examples = help.parts.find((p) => p.type === 'bullets');
    expect(examples?.type === 'bullets' && examples.items.length).toBeGreaterThan(0);
    for (const example of examples?.type === 'bullets' ? examples.items : []) expect(text(view.blocks)).toContain(example);
    expect(text(view.blocks)).toContain('/aws <question>');
    expect(text(view.blocks)).toContain('direct message');
    expect(text(view.blocks)).not.toMatch(/route 53|cloud run|Knowledge gaps|lambda timeout/i);
    // Every block within Slack's limits (the message helper knows no `divider`, a plain separator).
    expect(slackViolations({ text: 'home', blocks: view.blocks.filter((b) => b.type !== 'divider') })).toEqual([]);
  });

  it('shows an admin the gap report: unanswered with counts, voted down, escalations, totals for 7 and 30 days', async () => {
    expect((await h.post(homeOpened(ADMIN))).status).toBe(200);
    await h.fake.waitFor(() => published().length === 1);
    const blocks = text(published()[0].view.blocks);
    expect(blocks).toContain('Knowledge gaps (last 30 days)');
    expect(blocks).toMatch(/Not answered by the knowledge base, most asked first\*\\n• 3× sla for route 53\\n• 1× cloud run vs app runner/);
    expect(blocks).toContain('• 1 👎 0 👍  lambda timeout limit');
    expect(blocks).toMatch(/Handed to the experts\*\\n• 1× sla for route 53/);
    // 7 days: the question asked ten days ago is not counted; 30 days: it is.
    expect(blocks).toMatch(/Last 7 days\*\\n• \*slack\*: 3 questions · 1 answered · 2 not in the knowledge base · 0 👍 1 👎/);
    expect(blocks).toMatch(/Last 30 days\*\\n• \*slack\*: 4 questions/);
    expect(blocks).toMatch(/• \*teams\*: 1 questions/);
  });

  it('publishes nothing for the Messages tab', async () => {
    expect((await h.post(homeOpened('U061F7AUR', 'messages'))).status).toBe(200);
    expect((await h.post(homeOpened(ADMIN))).status).toBe(200);
    await h.fake.waitFor(() => published().length === 1);
    expect(published()[0].user_id).toBe(ADMIN);
  });
});

describe('homeView', () => {
  it('stays within 100 blocks with the longest report', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      question: `question ${i} `.repeat(40),
      count: 500 - i,
      lastAsked: new Date().toISOString(),
    }));
    const totals = Object.fromEntries(['all', 'slack', 'teams', 'cli', 'web'].map((p) => [p, zeroTotals()]));
    const view = homeView(realAssistant().ask('help'), {
      last30: { unanswered: many, downvoted: [], top: [], totals, escalated: many },
      totals7: totals,
    });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(JSON.stringify(view.blocks)).toContain('Knowledge gaps');
  });
});
