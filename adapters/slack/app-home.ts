/**
 * The app's Home tab: on `app_home_opened` (tab `home`), `views.publish` of a view built from the
 * knowledge base itself (the help answer: what it answers, example questions, services covered)
 * and how to ask (`/aws`, a mention, a DM). For the users in `SLACK_ADMIN_USER_IDS`, also the
 * knowledge-gap report: the questions it could not answer (most asked first, with counts), the
 * answers voted down, the questions handed to the experts, and totals per platform for the last 7
 * and 30 days. Nobody else ever sees other people's questions. At most 100 blocks.
 *
 * It is dispatched from the one Events API listener (`events.ts`): no extra listener, so no extra
 * middleware on every other request.
 */
import type { KnownBlock, View } from '@slack/types';
import { z } from 'zod';
import type { Answer, Report, Totals } from '../../src/index';
import { contextBlocks, header, textSections } from './blocks';
import { answerFor, type ListenerDeps, logFailure, type SlackClient, type SlackHome } from './deps';
import { escapeMrkdwn as esc } from './escape';
import { truncateText } from './limits';
import { partBlocks } from './render-parts';

/** Most blocks in a Home tab view (Slack's limit). */
export const HOME_MAX_BLOCKS = 100;
/** Most rows per list of the gap report in the Home tab. */
const HOME_ROWS = 10;
const DAY_MS = 86_400_000;

export type { SlackHome } from './deps';

/** The gap report as the Home tab shows it: the 30-day lists and the 7- and 30-day totals. */
export interface HomeGaps {
  last30: Report;
  totals7: Report['totals'];
}

const HOW_TO_ASK = [
  '*How to ask*',
  '• `/aws <question>` anywhere: the answer is private to you, with a button to share it.',
  '• Mention me in a channel (`@aws-qa SLA for EKS`): I answer in the thread. Invite me first with `/invite @aws-qa`.',
  '• Or send me a direct message in the *Messages* tab.',
].join('\n');

/** `12 questions · 9 answered · 3 not in the knowledge base · 1 👍 2 👎`. */
function totalsLine(t: Totals | undefined): string {
  const v = t ?? { questions: 0, answered: 0, unanswered: 0, up: 0, down: 0 };
  return `${v.questions} questions · ${v.answered} answered · ${v.unanswered} not in the knowledge base · ${v.up} 👍 ${v.down} 👎`;
}

function platformLines(totals: Report['totals']): string {
  return Object.entries(totals)
    .sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))
    .map(([p, t]) => `• *${p === 'web' ? 'playground' : p}*: ${totalsLine(t)}`)
    .join('\n');
}

const list = <T>(title: string, empty: string, rows: readonly T[], line: (r: T) => string): KnownBlock[] =>
  textSections(rows.length ? `*${title}*\n${rows.slice(0, HOME_ROWS).map(line).join('\n')}` : `*${title}*\n_${empty}_`);

/** The admins' part: the gap report (questions in it are other people's: admins only). */
function gapBlocks(gaps: HomeGaps | 'unavailable'): KnownBlock[] {
  if (gaps === 'unavailable')
    return [header('Knowledge gaps'), ...textSections('_The report is unavailable: no store, or it failed (see the server log)._')];
  const { last30, totals7 } = gaps;
  const q = (s: string): string => esc(truncateText(s, 200));
  return [
    header('Knowledge gaps (last 30 days)'),
    ...list(
      'Not answered by the knowledge base, most asked first',
      'nothing: every question had an answer',
      last30.unanswered,
      (u) => `• ${u.count}× ${q(u.question)}`,
    ),
    ...list('Voted down', 'nothing', last30.downvoted, (d) => `• ${d.down} 👎 ${d.up} 👍  ${q(d.question)}`),
    ...list('Handed to the experts', 'nothing', last30.escalated ?? [], (e) => `• ${e.count}× ${q(e.question)}`),
    ...textSections(`*Last 7 days*\n${platformLines(totals7)}`),
    ...textSections(`*Last 30 days*\n${platformLines(last30.totals)}`),
    ...contextBlocks(['Only you and the other admins (`SLACK_ADMIN_USER_IDS`) see this part. `aws-qa report` has the full report.']),
  ];
}

/** The Home tab view (pure): the help answer and how to ask; the gap report when `gaps` is given. At most 100 blocks. */
export function homeView(help: Answer, gaps?: HomeGaps | 'unavailable'): View {
  const blocks: KnownBlock[] = [
    header(help.title || 'What I can answer'),
    ...help.parts.flatMap(partBlocks),
    { type: 'divider' },
    ...textSections(HOW_TO_ASK),
    ...(gaps ? [{ type: 'divider' } as KnownBlock, ...gapBlocks(gaps)] : []),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}

/** The admins' report, or `unavailable` (logged) when there is no store or it failed. */
async function readGaps(deps: ListenerDeps, home: SlackHome): Promise<HomeGaps | 'unavailable'> {
  if (!home.report) return 'unavailable';
  const now = (home.now ?? Date.now)();
  try {
    const [last30, last7] = await Promise.all([
      home.report({ since: now - 30 * DAY_MS, limit: HOME_ROWS }),
      home.report({ since: now - 7 * DAY_MS, limit: 1 }),
    ]);
    return { last30, totals7: last7.totals };
  } catch (error) {
    logFailure(deps, 'reading the report for the Home tab failed', error);
    return 'unavailable';
  }
}

/** Publishes the Home tab for `userId` (the report only for an admin). Never throws; a failure is logged. */
export async function publishHome(deps: ListenerDeps, client: SlackClient, userId: string, requestId?: string): Promise<void> {
  try {
    const help = answerFor(deps, 'help', { log: false, requestId });
    const admin = deps.home?.admins.has(userId) === true;
    const gaps = admin && deps.home ? await readGaps(deps, deps.home) : undefined;
    await client.views.publish({ user_id: userId, view: homeView(help, gaps) });
    deps.logger.debug({ reqId: requestId, admin }, 'slack: home tab published');
  } catch (error) {
    logFailure(deps, 'publishing the Home tab failed', error, { reqId: requestId });
  }
}

/** The fields of `app_home_opened` the Home tab uses. */
const homeOpenedSchema = z.object({ user: z.string().min(1), tab: z.string().optional() });

/** An `app_home_opened` event: publishes the Home tab when the Home tab (not Messages) was opened. */
export async function onHomeOpened(deps: ListenerDeps, client: SlackClient, event: unknown, requestId?: string): Promise<void> {
  const parsed = homeOpenedSchema.safeParse(event);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slack: malformed app_home_opened event');
    return;
  }
  if (parsed.data.tab !== 'home') return;
  await publishHome(deps, client, parsed.data.user, requestId);
}
