/**
 * The search-based message extension end to end: `composeExtension/query` invokes POSTed to the
 * real CloudAdapter + bot over HTTP on loopback, with the real engine over knowledge/; every card
 * in the result list validated by `adaptivecards` at 1.5; the manifest's query command validated
 * by Microsoft's schema (`@microsoft/app-manifest`, offline).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { type Answer, type AskContext, createAssistant, type Assistant } from '../../src/index';
import { MAX_RELATED, SEARCH_COMMAND_ID, SEARCH_PARAMETER, THUMBNAIL_CARD_CONTENT_TYPE } from '../../adapters/teams/message-extension';
import { buildTeamsAppPackage } from '../../adapters/teams/package-app';
import { appPackageDir } from '../../adapters/teams/paths';
import { fixture } from './helpers/fixtures';
import { startTeamsServer, type TeamsServer } from './helpers/teams-server';
import { allStrings, houseRuleErrors, libraryErrors } from './helpers/validate-card';

// @microsoft/app-manifest requires strip-bom, an ES module that Jest's CommonJS runtime cannot load
// (plain Node 20.19+ can). It is only used to read manifests from disk, which these tests do not do.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

interface Result {
  contentType: string;
  content: { body: { type: string }[] };
  preview: { contentType: string; content: { title: string; text: string } };
}
interface QueryResponse {
  composeExtension: { type: string; attachmentLayout: string; attachments: Result[] };
}

let assistant: Assistant;
/** Every ask's context, to check that queries are not logged as questions. */
const contexts: (AskContext | undefined)[] = [];
let t: TeamsServer;

beforeAll(() => {
  assistant = createAssistant({ knowledgeDir: join(__dirname, '..', '..', 'knowledge') });
});
beforeEach(async () => {
  contexts.length = 0;
  t = await startTeamsServer({
    ask: (question: string, context?: AskContext): Answer => {
      contexts.push(context);
      return assistant.ask(question, context);
    },
  });
});
afterEach(async () => {
  await t.close();
});

const queryActivity = (value: unknown) =>
  fixture('personal-message', { type: 'invoke', name: 'composeExtension/query', text: undefined, id: 'f:query-1', value });
const typed = (text: string) => ({ commandId: SEARCH_COMMAND_ID, parameters: [{ name: SEARCH_PARAMETER, value: text }] });

/** POSTs a query invoke; expects 200 and returns the result list. */
async function query(value: unknown): Promise<Result[]> {
  const res = await t.postActivity(queryActivity(value));
  expect(res.status).toBe(200);
  const body = JSON.parse(res.body) as QueryResponse;
  expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  return body.composeExtension.attachments;
}

/** Every result: a valid Adaptive Card 1.5 without buttons, and a thumbnail preview with a title. */
function expectValidResults(results: Result[]): void {
  for (const r of results) {
    expect(r.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect([...libraryErrors(r.content), ...houseRuleErrors(r.content)]).toEqual([]);
    expect(r.content.body.some((e) => e.type === 'ActionSet')).toBe(false);
    expect(r.preview.contentType).toBe(THUMBNAIL_CARD_CONTENT_TYPE);
    expect(r.preview.content.title.length).toBeGreaterThan(0);
  }
}

describe('the search message extension', () => {
  describe('a question', () => {
    it('lists the answer first, as a card with a preview, then up to four related questions it answers', async () => {
      const results = await query(typed('SLA for EKS'));
      expectValidResults(results);
      const [first, ...related] = results;
      expect(first.preview.content).toEqual({ title: 'Availability SLA: EKS', text: expect.stringContaining('99.95%') });
      expect(allStrings(first.content).join('\n')).toContain('99.95%');
      expect(related.length).toBeGreaterThanOrEqual(1);
      expect(related.length).toBeLessThanOrEqual(MAX_RELATED);
      for (const r of related) {
        const answer = assistant.ask(r.preview.content.title);
        expect(answer.answered).toBe(true);
        expect(allStrings(r.content)).toContain(answer.title);
      }
      const offered = assistant.ask('SLA for EKS').followUps.map((f) => f.question);
      expect(related.map((r) => r.preview.content.title)).toEqual(
        offered.filter((q) => related.some((r) => r.preview.content.title === q)),
      );
      expect(t.connector.calls).toEqual([]);
    });

    it('does not log the query (or its related questions) as questions asked', async () => {
      await query(typed('Beanstalk vs App Runner'));
      expect(contexts.length).toBeGreaterThan(1);
      expect(contexts.every((c) => c?.log === false)).toBe(true);
    });
  });

  describe('the initial run', () => {
    it('lists the help examples, each with its answer', async () => {
      const results = await query({ commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'initialRun', value: 'true' }] });
      expectValidResults(results);
      const examples = assistant.ask('help').followUps.map((f) => f.question);
      expect(results.map((r) => r.preview.content.title)).toEqual(examples.slice(0, MAX_RELATED));
      for (const r of results) expect(allStrings(r.content)).toContain(assistant.ask(r.preview.content.title).title);
    });

    it('treats an empty query like the initial run', async () => {
      const empty = await query(typed('   '));
      const initial = await query({ commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'initialRun', value: 'true' }] });
      expect(empty).toEqual(initial);
    });
  });

  describe('a question the knowledge base cannot answer', () => {
    it('gets 200 with a result saying so, then examples it can answer', async () => {
      const results = await query(typed('how do I bake sourdough bread'));
      expectValidResults(results);
      const [first, ...rest] = results;
      expect(first.preview.content.title).toBe('Not in the knowledge base');
      expect(first.preview.content.text).toContain('how do I bake sourdough bread');
      expect(rest.length).toBeGreaterThan(0);
      for (const r of rest) expect(assistant.ask(r.preview.content.title).answered).toBe(true);
    });
  });

  describe('paging and bad input', () => {
    it('answers a later page (skip > 0) with an empty list: every result is on the first page', async () => {
      expect(await query({ ...typed('SLA for EKS'), queryOptions: { skip: 25, count: 25 } })).toEqual([]);
    });

    it('refuses a query for another command or with malformed parameters with 400, never 5xx', async () => {
      for (const value of [{ commandId: 'other', parameters: [] }, { commandId: SEARCH_COMMAND_ID, parameters: 'SLA' }, null]) {
        const res = await t.postActivity(queryActivity(value));
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({ error: 'unsupported invoke' });
      }
      expect(contexts).toEqual([]);
    });

    it('refuses a query from a tenant outside the allow-list with the same 400, and asks nothing', async () => {
      let asked = 0;
      const counting = {
        ask: (q: string, c?: AskContext): Answer => {
          asked += 1;
          return assistant.ask(q, c);
        },
      };
      const gated = await startTeamsServer(counting, { allowedTenantIds: ['00000000-0000-0000-0000-0000000000aa'] });
      try {
        const res = await gated.postActivity(queryActivity(typed('SLA for EKS')));
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body)).toEqual({ error: 'unsupported invoke', name: 'composeExtension/query' });
        expect(gated.connector.calls).toEqual([]);
        expect(asked).toBe(0);
      } finally {
        await gated.close();
      }
    });
  });
});

describe('the manifest', () => {
  const dir = appPackageDir();
  const template = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const schema = (): never => {
    const file = join(
      require.resolve('@microsoft/app-manifest'),
      '..',
      'json-schemas',
      'teams',
      `v${template.manifestVersion}`,
      'MicrosoftTeams.schema.json',
    );
    expect(existsSync(file)).toBe(true);
    return JSON.parse(readFileSync(file, 'utf8')) as never;
  };

  it("declares the query command with the bot's own id", () => {
    const [extension] = template.composeExtensions;
    expect(extension.botId).toBe(template.bots[0].botId);
    expect(extension.commands).toEqual([
      expect.objectContaining({
        id: SEARCH_COMMAND_ID,
        type: 'query',
        initialRun: true,
        parameters: [expect.objectContaining({ name: SEARCH_PARAMETER })],
      }),
    ]);
  });

  it('validates against the official schema, also once packaged with a real app id', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(template, schema())).toEqual([]);
    const appId = '2f1c6a2e-5b7d-4c3e-9a8f-0d1e2f3a4b5c';
    const { manifest } = await buildTeamsAppPackage(appId);
    expect((manifest.composeExtensions as { botId: string }[])[0].botId).toBe(appId);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema())).toEqual([]);
  });

  it('reports errors for a malformed command (the validation is real)', async () => {
    const broken = {
      ...template,
      composeExtensions: [{ ...template.composeExtensions[0], commands: [{ id: SEARCH_COMMAND_ID, type: 'lookup' }] }],
    };
    expect((await AppManifestUtils.validateAgainstSchema(broken, schema())).length).toBeGreaterThan(0);
  });
});
