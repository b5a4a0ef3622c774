/**
 * A reload that would not fit in the heap is refused before it is built, and the last good
 * knowledge base keeps serving (issue 12 item 8). Without the guard, the process below dies with
 * "JavaScript heap out of memory" while building the large file (measured: a 3 MB file next to the
 * real knowledge base needs more than a 64 MB heap).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { LiveAssistant } from '../../adapters/server/live-assistant';
import { buildHeapEstimate, heapRoomFor, markdownBytes } from '../../adapters/server/reload-memory';
import { raw, waitFor } from './helpers/requests';
import { KNOWLEDGE_DIR, type Spawned, spawnServer } from './helpers/server';

const MB = 1024 * 1024;

function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-qa-heap-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** A valid markdown file of about `mb` MB: the real knowledge repeated (repeated questions are warnings, not errors). */
function largeFile(mb: number): string {
  const real = readFileSync(join(KNOWLEDGE_DIR, 'aws-qa.md'), 'utf8');
  return Array.from({ length: Math.ceil((mb * MB) / Buffer.byteLength(real)) }, () => real).join('\n');
}

describe('reload memory guard', () => {
  const dirs: string[] = [];
  const spawned: Spawned[] = [];
  afterAll(() => {
    for (const s of spawned) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const fresh = (): string => {
    const d = knowledgeCopy();
    dirs.push(d);
    return d;
  };

  it('estimates from the markdown size, and fits only what the heap left can hold', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'large.md'), largeFile(1));
    const bytes = markdownBytes(dir);
    expect(bytes).toBeGreaterThan(MB);
    expect(buildHeapEstimate(2 * bytes) - buildHeapEstimate(bytes)).toBe(buildHeapEstimate(3 * bytes) - buildHeapEstimate(2 * bytes)); // linear
    const needed = buildHeapEstimate(bytes);
    expect(heapRoomFor(dir, { limit: 1000 * MB, used: 1000 * MB - needed })).toMatchObject({ fits: true, needed, markdown: bytes });
    expect(heapRoomFor(dir, { limit: 1000 * MB, used: 1000 * MB - needed + 1 })).toMatchObject({ fits: false });
  });

  it('refuses a reload that does not fit, logs why, and keeps serving the last good knowledge base', async () => {
    const dir = fresh();
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
    let room = { needed: 10 * MB, available: 100 * MB, markdown: MB, fits: true };
    const live = new LiveAssistant({ knowledgeDir: dir, logger, heapRoom: () => room });
    await live.load();
    const before = JSON.stringify(live.current().ask('SLA for EKS'));
    room = { needed: 300 * MB, available: 100 * MB, markdown: 7 * MB, fits: false };
    expect(await live.reload('test')).toBe(false);
    expect(live.generation).toBe(1);
    expect(JSON.stringify(live.current().ask('SLA for EKS'))).toBe(before);
    const logs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs.find((l) => String(l.msg).startsWith('knowledge reload refused'))).toMatchObject({
      level: 50,
      neededMb: 300,
      availableMb: 100,
      markdownMb: 7,
    });
    expect(logs.some((l) => l.msg === 'knowledge reload failed; still serving the last good knowledge base')).toBe(true);
    room = { ...room, fits: true };
    expect(await live.reload('test')).toBe(true);
    expect(live.generation).toBe(2);
  });

  it('keeps a server under a small heap limit alive when a large valid file arrives', async () => {
    const dir = fresh();
    const s = await spawnServer(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        KNOWLEDGE_DIR: dir,
        KNOWLEDGE_WATCH: 'false',
        PLAYGROUND: 'false',
        LOG_LEVEL: 'info',
        NODE_OPTIONS: '--max-old-space-size=64',
      },
      { timeoutMs: 60_000 },
    );
    spawned.push(s);
    writeFileSync(join(dir, 'large.md'), largeFile(3));
    s.proc.kill('SIGHUP');
    await waitFor(() => s.lines.some((l) => l.includes('knowledge reload refused')), 20_000, 'the refusal');
    expect(s.proc.exitCode).toBeNull();
    expect((await raw(s.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 90_000);
});
