/**
 * The server with its default store (SQLite under DATA_DIR): questions and votes from real signed
 * Slack requests survive a restart, and `aws-qa report --json` shows them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startedForAll } from '../helpers/lifecycle';
import { runCli } from '../helpers/run-cli';
import { startFakeConnector, startFakeSlack } from '../server/helpers/fakes';
import { postActivity, raw, teamsMessage } from '../server/helpers/requests';
import { baseEnv, startInProcess } from '../server/helpers/server';
import { mention, posts, slackEnv, voteClick } from './helpers/slack-traffic';

const root = mkdtempSync(join(tmpdir(), 'aws-qa-sqlite-server-'));
const dataDir = join(root, 'not', 'yet', 'there');
const fake = startedForAll(startFakeSlack);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('server with the SQLite store', () => {
  it('keeps questions and votes across a restart, and report --json shows them', async () => {
    const env = baseEnv({ ...slackEnv(fake().apiUrl), DATA_DIR: dataDir });
    const first = await startInProcess(env);
    expect(existsSync(join(dataDir, 'aws-qa.db'))).toBe(true);
    expect(JSON.parse((await raw(first.url, { method: 'GET', path: '/healthz' })).body)).toEqual({
      status: 'ready',
      store: 'ok',
      knowledge: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    for (const [text, id] of [
      ['SLA for Route 53?', 'EvS1'],
      ['sla for route 53', 'EvS2'],
      ['SLA for EKS', 'EvS3'],
    ]) {
      expect((await mention(first.url, text, id)).status).toBe(200);
    }
    await fake().waitFor(() => posts(fake().calls) === 3);
    const click = { answerId: 'answer-eks-1', question: 'SLA for EKS', user: 'U0001', responseUrl: `${fake().url}response` };
    expect((await voteClick(first.url, { ...click, vote: 'up', triggerId: 't-1' })).status).toBe(200);
    expect((await voteClick(first.url, { ...click, vote: 'down', triggerId: 't-2' })).status).toBe(200); // changed their mind
    expect((await voteClick(first.url, { ...click, vote: 'down', user: 'U0002', triggerId: 't-3' })).status).toBe(200);
    await fake().waitFor(() => fake().calls.filter((c) => c.path === '/response').length === 3);
    await first.stop();

    const second = await startInProcess(env);
    expect((await mention(second.url, 'SLA for Route 53', 'EvS4')).status).toBe(200);
    await fake().waitFor(() => posts(fake().calls) === 4);
    await second.stop();

    const { code, out, err } = await runCli(['report', '--json'], { DATA_DIR: dataDir });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['unanswered', 'downvoted', 'top', 'totals', 'escalated']);
    expect(report.unanswered).toEqual([{ question: 'sla for route 53', count: 3, lastAsked: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(report.downvoted).toEqual([{ question: 'sla for eks', answerId: 'answer-eks-1', up: 0, down: 2 }]);
    expect(report.top[0]).toEqual({ question: 'sla for route 53', count: 3, answered: 0 });
    expect(report.totals.slack).toEqual({ questions: 4, answered: 1, unanswered: 3, up: 0, down: 2 });

    const text = await runCli(['report', '--since', '1d'], { DATA_DIR: dataDir });
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/3× {2}sla for route 53/);
    expect(text.out).toMatch(/closest the knowledge base holds: "SLA for /);
    expect(text.out).toMatch(/2 down +0 up {2}sla for eks/);

    const csv = await runCli(['report', '--csv'], { DATA_DIR: dataDir });
    expect(csv.out.split('\n')[0]).toBe('section,question,count,last_asked,answer_id,up,down,answered');
    expect(csv.out).toMatch(/^unanswered,sla for route 53,3,/m);
  }, 30_000);

  it('logs Teams questions and votes, and keeps playground votes apart from them', async () => {
    const dir = join(root, 'teams-and-playground');
    const connector = await startFakeConnector();
    const server = await startInProcess(baseEnv({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', PLAYGROUND: '1', DATA_DIR: dir }));
    try {
      const post = (activity: Record<string, unknown>) => postActivity(server.url, activity);
      expect((await post(teamsMessage(connector.url, 'SLA for Route 53'))).status).toBeLessThan(300);
      expect((await post(teamsMessage(connector.url, 'SLA for EKS'))).status).toBeLessThan(300);
      await connector.waitFor(() => connector.calls.length === 2);
      const eks = server.live.current().ask('SLA for EKS');
      const vote = (v: 'up' | 'down', user: string) =>
        teamsMessage(connector.url, '', {
          text: undefined,
          replyToId: 'card-1',
          value: { action: 'feedback', vote: v, answerId: eks.id, question: 'SLA for EKS' },
          from: { id: `29:${user}`, name: user, aadObjectId: `00000000-0000-0000-0000-00000000${user}` },
        });
      for (const body of [vote('up', '00b1'), vote('down', '00b1'), vote('up', '00b2')])
        expect((await post(body)).status).toBeLessThan(300);
      const playgroundVote = (v: 'up' | 'down') =>
        raw(server.url, {
          path: '/playground/feedback',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answerId: eks.id, question: 'SLA for EKS', vote: v }),
        });
      for (let i = 0; i < 3; i += 1) expect((await playgroundVote('down')).status).toBe(200);
      await server.store.buffer.drain();
      const report = await server.store.store.report({ since: 0 });
      expect(report.unanswered).toEqual([{ question: 'sla for route 53', count: 1, lastAsked: expect.any(String) }]);
      expect(report.totals.teams).toEqual({ questions: 2, answered: 1, unanswered: 1, up: 1, down: 1 });
      expect(report.downvoted).toEqual([{ question: 'sla for eks', answerId: eks.id, up: 1, down: 1 }]);
      expect(report.totals.web).toEqual({ questions: 0, answered: 0, unanswered: 0, up: 0, down: 1 });
    } finally {
      await server.stop();
      await connector.close();
    }
  }, 30_000);

  it('report names the missing store and rejects bad options with exit 2', async () => {
    const missing = await runCli(['report'], { DATA_DIR: join(root, 'nothing-here') });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no store at .*nothing-here\/aws-qa\.db/);
    expect((await runCli(['report', '--since', 'last tuesday'], { DATA_DIR: dataDir })).err).toMatch(/--since must be a duration/);
    expect((await runCli(['report', '--json', '--csv'], { DATA_DIR: dataDir })).code).toBe(2);
    expect((await runCli(['report'], { DATA_DIR: dataDir, QUESTION_LOG: 'sometimes' })).err).toMatch(
      /QUESTION_LOG: must be one of all, unanswered, off/,
    );
  });
});
