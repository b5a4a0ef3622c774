/// <reference lib="dom" />
/**
 * The playground page in headless Chromium (Debian's `chromium` driven by playwright-core),
 * against the real handler on loopback: ask, follow-ups on both platforms, feedback, the
 * not-in-the-knowledge-base look, raw JSON, escaping, and nothing loaded from outside.
 *
 * Saves `test-artifacts/playground.png` (and `test-artifacts/playground-full.png`); with
 * `UPDATE_DOCS_SCREENSHOT=1` also refreshes `docs/playground.png`.
 * Skipped, with a message, only when `/usr/bin/chromium` is absent (`.ci/run` installs it).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildAssets, startPlaygroundServer, type PlaygroundServer } from './helpers/playground-server';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(`playground browser tests SKIPPED: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);
}

jest.setTimeout(60_000);

/** The turns of the conversation, and the last one. */
const turns = (page: Page): Locator => page.locator('#history > li.turn');

/** Runs `act` and waits for the new turn it starts to get its answer; returns that turn. */
async function newTurn(page: Page, act: () => Promise<void>): Promise<Locator> {
  const before = await turns(page).count();
  await act();
  const turn = turns(page).nth(before);
  await turn.waitFor();
  await page.waitForFunction((i) => !document.querySelectorAll('#history > li.turn')[i]?.classList.contains('pending'), before);
  return turn;
}

/** Types `question` in the labelled box and presses Enter. */
function ask(page: Page, question: string): Promise<Locator> {
  return newTurn(page, async () => {
    await page.getByLabel('Your question').fill(question);
    await page.getByLabel('Your question').press('Enter');
  });
}

/**
 * Clicks the button `name` in the `platform` rendering of the first turn; the new turn must ask
 * that question, say it was clicked there, and be answered with `kind`. Returns the new turn.
 */
async function clickFollowUp(page: Page, platform: 'Slack' | 'Teams', name: string, kind: string): Promise<Locator> {
  const surface = turns(page)
    .first()
    .locator(platform === 'Slack' ? '.slack-surface' : '.teams-surface');
  const turn = await newTurn(page, () => surface.getByRole('button', { name }).click());
  await expectText(turn.locator('.question-text'), name);
  await expectText(turn.locator('.via'), `clicked in ${platform}`);
  expect(await turn.getAttribute('data-kind')).toBe(kind);
  return turn;
}

describeBrowser('playground page in Chromium', () => {
  let pg: PlaygroundServer;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    pg = await startPlaygroundServer({ assetsDir: await buildAssets() });
    userDataDir = mkdtempSync(join(tmpdir(), 'aws-qa-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1360, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${pg.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await context?.close();
    await pg?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('asks with the keyboard and shows 99.95% in both the Slack and the Teams rendering', async () => {
    const turn = await ask(page, 'sla for eks');
    await expectText(turn.locator('.turn-question'), 'sla for eks');
    const slack = turn.locator('.slack-surface');
    const teams = turn.locator('.teams-surface');
    await expectText(slack.locator('.sk-header'), 'Availability SLA: EKS');
    await expectText(slack, '99.95%');
    expect(await teams.locator('.ac-adaptiveCard').count()).toBe(1);
    await expectText(teams.locator('.ac-adaptiveCard'), '99.95%');
    await expectText(teams.locator('.ac-factset'), 'Monthly Region-Level Availability SLA');
    expect(await turn.getAttribute('data-intent')).toBe('sla');
    expect(await page.getByLabel('Your question').inputValue()).toBe('');
  });

  it('asks a follow-up clicked in the Slack rendering', async () => {
    const turn = await clickFollowUp(page, 'Slack', 'Compare EKS vs EC2', 'compare');
    await expectText(turn.locator('.slack-surface .sk-header'), 'EKS vs EC2');
    await expectText(turn.locator('.teams-surface .ac-adaptiveCard'), 'EKS vs EC2');
    // The comparison is an Adaptive Cards 1.5 Table in Teams (rendered, not a fallback).
    expect(await turn.locator('.teams-surface [role="table"]').count()).toBe(1);
    expect(await turn.locator('.teams-surface [role="columnheader"]').allInnerTexts()).toEqual(['Aspect', 'EKS', 'EC2']);
  });

  it('asks a follow-up clicked in the Teams card', async () => {
    const turn = await clickFollowUp(page, 'Teams', 'List all SLAs', 'sla');
    await expectText(turn.locator('.teams-surface'), '99.95%');
  });

  it('records 👍 from the Teams card and 👎 from Slack in the feedback store, one vote per answer', async () => {
    const [first, second] = [turns(page).nth(0), turns(page).nth(1)];
    const before = pg.store.list().length;
    await first.locator('.teams-surface').getByRole('button', { name: '👍 Helpful' }).click();
    await expectText(first.locator('.turn-status'), 'Feedback recorded 👍');
    await second.locator('.slack-surface').getByRole('button', { name: '👎 Not helpful' }).click();
    await expectText(second.locator('.turn-status'), 'Feedback recorded 👎');
    const votes = pg.store.list().slice(before);
    expect(votes.map((v) => [v.platform, v.vote, v.question])).toEqual([
      ['web', 'up', 'sla for eks'],
      ['web', 'down', 'Compare EKS vs EC2'],
    ]);
    expect(votes[0].answerId).toMatch(/^sla-/);
    expect(votes[1].answerId).toMatch(/^compare-/);
    // Voted: both renderings' 👍/👎 are disabled.
    expect(await first.locator('.teams-surface').getByRole('button', { name: '👎 Not helpful' }).isDisabled()).toBe(true);
    expect(await first.locator('.slack-surface button[data-action-id="aws_qa_feedback_down"]').isDisabled()).toBe(true);
    expect(await second.locator('.slack-surface button[data-action-id="aws_qa_feedback_up"]').isDisabled()).toBe(true);
  });

  it('shows an out-of-scope question as not in the knowledge base, with suggestions that ask', async () => {
    const turn = await ask(page, 'SLA for Route 53');
    expect(await turn.getAttribute('class')).toContain('not-found');
    await expectText(turn.locator('.not-found-banner'), 'Not in the knowledge base');
    await expectText(turn.locator('.slack-surface .sk-header'), 'Not in the knowledge base');
    await expectText(turn.locator('.teams-surface'), 'The knowledge base has no SLA for Amazon Route 53.');
    const chips = turn.locator('.not-found-banner .chip');
    expect(await chips.count()).toBeGreaterThan(0);
    const label = (await chips.first().textContent()) ?? '';
    const next = await newTurn(page, () => chips.first().click());
    await expectText(next.locator('.question-text'), label);
    expect(await next.getAttribute('class')).not.toContain('not-found');
  });

  it('toggles the raw JSON of each payload, ready to paste into Block Kit Builder / the Designer', async () => {
    const turn = turns(page).first();
    const slackToggle = turn.locator('.rendering-slack .json-toggle');
    const slackRaw = turn.locator('.rendering-slack .raw-json');
    expect(await slackRaw.isVisible()).toBe(false);
    await slackToggle.click();
    expect(await slackRaw.isVisible()).toBe(true);
    expect(await slackToggle.getAttribute('aria-expanded')).toBe('true');
    const slackJson = JSON.parse((await slackRaw.locator('pre').textContent()) ?? '') as { blocks: { type: string }[] };
    expect(slackJson.blocks[0]).toMatchObject({ type: 'header' });
    await turn.locator('.rendering-teams .json-toggle').click();
    const teamsJson = JSON.parse((await turn.locator('.rendering-teams .raw-json pre').textContent()) ?? '') as Record<string, unknown>;
    expect(teamsJson).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(teamsJson)).toContain('99.95%');
    await slackToggle.click();
    expect(await slackRaw.isVisible()).toBe(false);
    expect(await slackToggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows a hostile question as text, in the history and in both renderings', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"> **bold** [link](javascript:alert(1))';
    const turn = await ask(page, hostile);
    await expectText(turn.locator('.question-text'), hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await turn.locator('img[src="x"], a[href^="javascript:"]').count()).toBe(0);
  });

  it('loads everything from its own server, with no console errors or card warnings', async () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(`${pg.url}/`))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('.renderer-warnings').count()).toBe(0);
  });

  it('saves screenshots as test artifacts', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-full.png'), fullPage: true });
    // A clean page for the README: one answered question and one that is not in the knowledge base.
    const fresh = await context.newPage();
    await fresh.setViewportSize({ width: 1360, height: 1000 });
    await fresh.goto(`${pg.url}/`);
    await fresh.waitForSelector('body[data-ready="true"]');
    await ask(fresh, 'sla for eks');
    await ask(fresh, 'SLA for Route 53');
    await fresh.evaluate(() => window.scrollTo(0, 0));
    const file = join(ARTIFACTS, 'playground.png');
    await fresh.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') copyFileSync(file, join(ROOT, 'docs', 'playground.png'));
    await fresh.close();
  });
});

/** Waits (up to 5 s) until `locator`'s text contains `text`, then asserts it. */
async function expectText(locator: Locator, text: string): Promise<void> {
  try {
    await locator.first().waitFor({ timeout: 5000 });
    await locator
      .page()
      .waitForFunction(
        ([el, t]) => (el as Element | null)?.textContent?.includes(t as string) ?? false,
        [await locator.first().elementHandle(), text] as const,
        { timeout: 5000 },
      );
  } catch {
    // fall through to the assertion, which shows the actual text
  }
  expect((await locator.first().textContent()) ?? '').toContain(text);
}
