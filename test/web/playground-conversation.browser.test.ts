/// <reference lib="dom" />
/**
 * The playground's conversation in headless Chromium (Debian's `chromium` driven by
 * playwright-core), against the real handler on loopback with the server's conversation memory:
 * each question continues the page's conversation ("SLA for EC2", then "and for Lambda?" is
 * Lambda's SLA) until "New conversation", after which the same follow-up stands alone.
 * Skipped, with a message, only when `/usr/bin/chromium` is absent (`.ci/run` installs it).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inConversations } from '../../adapters/server/conversational-assistant';
import { Conversations } from '../../adapters/server/conversations';
import { createIdHasher } from '../../src/index';
import { buildAssets, realAssistant, startPlaygroundServer, type PlaygroundServer } from './helpers/playground-server';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn(`playground conversation browser test SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`);

jest.setTimeout(60_000);

/** Types `question`, presses Enter, and resolves with the Slack header of its answered turn. */
async function ask(page: Page, question: string): Promise<string> {
  const turns = page.locator('#history > li.turn');
  const before = await turns.count();
  await page.getByLabel('Your question').fill(question);
  await page.getByLabel('Your question').press('Enter');
  const turn: Locator = turns.nth(before);
  await turn.waitFor();
  await page.waitForFunction((i) => !document.querySelectorAll('#history > li.turn')[i]?.classList.contains('pending'), before);
  return turn.locator('.slack-surface .sk-header').innerText();
}

describeBrowser('playground conversation in Chromium', () => {
  let pg: PlaygroundServer;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const sent: { question?: string; conversation?: string }[] = [];

  beforeAll(async () => {
    const conversations = new Conversations({ ttlMinutes: 15, hash: createIdHasher('playground-test-key') });
    const assistant = inConversations(realAssistant(), conversations);
    pg = await startPlaygroundServer({ assetsDir: await buildAssets(), assistant: () => assistant });
    userDataDir = mkdtempSync(join(tmpdir(), 'aws-qa-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => {
      if (r.url().endsWith('/playground/ask')) sent.push(r.postDataJSON() as { question?: string; conversation?: string });
    });
    await page.goto(`${pg.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await context?.close();
    await pg?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('continues the conversation until "New conversation"', async () => {
    expect(await ask(page, 'SLA for EC2')).toBe('Availability SLA: EC2');
    expect(await ask(page, 'and for Lambda?')).toBe('Availability SLA: Lambda');
    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await page.locator('#history > li.conversation-break').innerText()).toMatch(/new conversation/i);
    expect(await ask(page, 'and for Lambda?')).not.toBe('Availability SLA: Lambda');

    const ids = sent.map((s) => s.conversation);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
