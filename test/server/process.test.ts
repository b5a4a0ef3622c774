/**
 * The server as a real process (TypeScript sources through swc): zero-setup start, graceful
 * shutdown on SIGTERM/SIGINT with a request in flight, reload on SIGHUP.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startedForAll, stoppedAfterEach } from '../helpers/lifecycle';
import { tempDir } from '../helpers/temp-dir';
import { startFakeConnector } from './helpers/fakes';
import { postActivity, raw, teamsMessage, waitFor } from './helpers/requests';
import { KNOWLEDGE_DIR, ROOT, type Spawned, spawnServer, stopSpawned } from './helpers/server';

const json = { 'content-type': 'application/json' };
const parsed = (s: Spawned): Record<string, unknown>[] => s.lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('server process', () => {
  const connector = startedForAll(startFakeConnector);
  /** Holds each reply 1.5 s: a request to a server replying there stays in flight. */
  const slowConnector = startedForAll(() => startFakeConnector(1500));
  /** A server for one test, killed after it if it is still running. */
  const spawn = stoppedAfterEach(
    (env: Record<string, string>, cwd?: string) => spawnServer(env, { cwd }),
    (s) => stopSpawned(s, 'SIGKILL'),
  );

  it('starts with no environment but a free port, answers Teams, keeps its store in ./data, and prints only JSON lines', async () => {
    // A working directory of its own (./knowledge linked to the real one), so the default ./data is a throwaway one.
    const cwd = tempDir('aws-qa-zero-setup-');
    symlinkSync(KNOWLEDGE_DIR, join(cwd, 'knowledge'));
    const s = await spawn({ PORT: '0' }, cwd);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await postActivity(s.url, teamsMessage(connector().url, 'SLA for EKS'));
    expect(res.status).toBe(200);
    await connector().waitFor(() => connector().calls.some((c) => c.body.includes('99.95%')));
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.lines.length).toBeGreaterThan(5);
    for (const line of s.lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(s.stderr()).toBe('');
    expect(existsSync(join(cwd, 'data', 'aws-qa.db'))).toBe(true);
  });

  it('on SIGTERM finishes the request in flight, turns /healthz 503, and exits 0 within 10 s', async () => {
    const s = await spawn({ PORT: '0', KNOWLEDGE_WATCH: 'false', SHUTDOWN_DELAY_MS: '300' });
    const inflight = postActivity(s.url, teamsMessage(slowConnector().url, 'SLA for EKS'));
    await slowConnector().waitFor(() => slowConnector().calls.length > 0); // the reply is being held: the request is in flight
    const signalled = Date.now();
    s.proc.kill('SIGTERM');
    await waitFor(() => s.lines.some((l) => l.includes('shutting down')), 3000, 'the shutdown log');
    expect((await raw(s.url, { method: 'GET', path: '/healthz' })).status).toBe(503);
    expect((await inflight).status).toBe(200);
    expect(await s.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(parsed(s).find((l) => l.msg === 'stopped cleanly')).toBeTruthy();
    expect((await raw(s.url, { method: 'GET', path: '/healthz' })).status).toBe(0);
  });

  it('exits 0 on SIGINT too', async () => {
    const s = await spawn({ PORT: '0', KNOWLEDGE_WATCH: 'false' });
    s.proc.kill('SIGINT');
    expect(await s.exited).toBe(0);
  });

  it('exits 0 within 10 s even when a request never finishes', async () => {
    const s = await spawn({ PORT: '0', KNOWLEDGE_WATCH: 'false', SHUTDOWN_TIMEOUT_MS: '500' });
    // Declares 100 bytes, sends 9: the request stays open until the server gives up on it.
    const stuck = raw(s.url, { path: '/api/messages', headers: { ...json, 'content-length': '100' }, body: '{"type":' });
    await new Promise((r) => setTimeout(r, 200));
    const signalled = Date.now();
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect((await stuck).status).toBe(0);
    expect(parsed(s).some((l) => l.msg === 'stopped; some requests were dropped')).toBe(true);
  });

  it('reloads the knowledge base on SIGHUP, and keeps it when the next change is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-qa-hup-'));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    try {
      const s = await spawn({ PORT: '0', KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'false', PLAYGROUND: '1' });
      const ask = async (question: string): Promise<string> =>
        (await raw(s.url, { path: '/playground/ask', headers: json, body: JSON.stringify({ question }) })).body;
      expect(await ask('SLA for Neptune')).not.toContain('99.9%');
      const version = async (): Promise<string> => JSON.parse((await raw(s.url, { method: 'GET', path: '/healthz' })).body).knowledge;
      const first = await version();
      expect(first).toMatch(/^[0-9a-f]{12}$/);
      writeFileSync(join(dir, 'databases.md'), readFileSync(join(ROOT, 'test/fixtures/knowledge-extra/databases.md')));
      s.proc.kill('SIGHUP');
      await waitFor(() => parsed(s).some((l) => l.msg === 'knowledge base reloaded'), 8000, 'the reload');
      expect(await ask('SLA for Neptune')).toContain('99.9%');
      const second = await version();
      expect(second).toMatch(/^[0-9a-f]{12}$/);
      expect(second).not.toBe(first); // /healthz says which knowledge is served

      writeFileSync(join(dir, 'broken.md'), '# Broken\n\n## Dangling question?\n');
      s.proc.kill('SIGHUP');
      await waitFor(
        () => parsed(s).some((l) => String(l.msg).includes('broken.md:3: question "Dangling question?" has no answer')),
        8000,
        'the rejection',
      );
      expect(await ask('SLA for Neptune')).toContain('99.9%');
      expect(await version()).toBe(second); // the rejected change is not served
      s.proc.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with every configuration problem on stderr, secrets not echoed, before listening', async () => {
    const secret = 'xoxb-1-2-processTestTokenValue';
    await expect(spawnServer({ PORT: '0', SLACK_BOT_TOKEN: secret, MicrosoftAppType: 'Sometimes' }, { timeoutMs: 10_000 })).rejects.toThrow(
      /server exited \(1\) before ready:\n\naws-qa server: invalid configuration \(2 problems\):\n {2}MicrosoftAppType: .*\n {2}SLACK_SIGNING_SECRET: /,
    );
    await expect(spawnServer({ PORT: '0', SLACK_BOT_TOKEN: secret }, { timeoutMs: 10_000 })).rejects.not.toThrow(secret);
  });
});
