/**
 * Issue 12 items 6-7 on the running server (its own process, as deployed): hostile files dropped
 * into the watched knowledge directory are refused by the reload, the server keeps answering from
 * the last good knowledge base, its memory stays bounded, and SIGTERM still stops it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeCopy } from '../helpers/knowledge';
import { startedForAll } from '../helpers/lifecycle';
import { startFakeConnector } from './helpers/fakes';
import { postActivity, teamsMessage, waitFor } from './helpers/requests';
import { baseEnv, spawnServer, stopSpawned } from './helpers/server';

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe('hostile knowledge files on a running server', () => {
  const dir = knowledgeCopy();
  const connector = startedForAll(startFakeConnector);
  const server = startedForAll(
    () => spawnServer(baseEnv({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'true', KNOWLEDGE_MAX_BYTES: String(2 * 1024 * 1024) })),
    (s) => stopSpawned(s, 'SIGKILL'),
    30_000,
  );

  const logs = () => server().lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const rejected = (file: string) => logs().some((l) => String(l.msg).startsWith(`knowledge reload rejected: ${file}`));
  /** The server still answers a question (Teams, local mode) promptly. */
  async function stillAnswers(): Promise<void> {
    const before = connector().calls.length;
    const started = Date.now();
    const res = await postActivity(server().url, teamsMessage(connector().url, 'SLA for EKS'));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await waitFor(() => connector().calls.length > before, 5000, 'the reply');
    expect(JSON.stringify(connector().calls[connector().calls.length - 1].body)).toMatch(/99\.95/);
  }

  it('refuses a FIFO named *.md and keeps answering (the reload never waits on it)', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    await waitFor(() => rejected('pipe.md'), 10_000, 'the reload refusing pipe.md');
    expect(logs().find((l) => String(l.msg).startsWith('knowledge reload rejected: pipe.md'))?.msg).toMatch(/not a regular file/);
    await stillAnswers();
    rmSync(join(dir, 'pipe.md'));
  });

  it('refuses a symlink to /dev/zero without reading it, memory bounded', async () => {
    const before = rssMb(server().proc.pid!);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    await waitFor(() => rejected('zero.md'), 10_000, 'the reload refusing zero.md');
    await stillAnswers();
    expect(rssMb(server().proc.pid!) - before).toBeLessThan(64);
    rmSync(join(dir, 'zero.md'));
  });

  it('refuses a directory over KNOWLEDGE_MAX_BYTES with a clear reason', async () => {
    writeFileSync(join(dir, 'huge.md'), `## Huge?\n\n${'filler text '.repeat(250_000)}\n`);
    await waitFor(
      () => logs().some((l) => /over its 2097152-byte total \(KNOWLEDGE_MAX_BYTES\)/.test(String(l.msg))),
      10_000,
      'the total-size refusal',
    );
    await stillAnswers();
    rmSync(join(dir, 'huge.md'));
  });

  it('still stops promptly on SIGTERM', async () => {
    const started = Date.now();
    server().proc.kill('SIGTERM');
    expect(await server().exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
