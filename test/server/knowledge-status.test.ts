/**
 * Which knowledge a replica serves, and a refused reload, as the server reports them (issue 24
 * item 12): `/healthz` names the knowledge version (a content hash), and the playground's answers
 * carry the version and, after a refused reload, its problems, until a good reload clears them.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeCopy } from '../helpers/knowledge';
import { stoppedAfterEach } from '../helpers/lifecycle';
import { raw } from './helpers/requests';
import { baseEnv, ROOT, startInProcess } from './helpers/server';

const DATABASES = readFileSync(join(ROOT, 'test/fixtures/knowledge-extra/databases.md'), 'utf8');

describe('knowledge status', () => {
  const start = stoppedAfterEach(startInProcess, (s) => s.stop());

  it('is in /healthz and in every playground answer; a refused reload is shown until a good one', async () => {
    const dir = knowledgeCopy();
    const server = await start(baseEnv({ KNOWLEDGE_DIR: dir, PLAYGROUND: '1' }));
    const health = async (): Promise<Record<string, unknown>> =>
      JSON.parse((await raw(server.url, { method: 'GET', path: '/healthz' })).body);
    const ask = async (): Promise<{ knowledge: { version: string; rejected?: { at: string; problems: string[] } } }> =>
      JSON.parse(
        (
          await raw(server.url, {
            path: '/playground/ask',
            headers: { 'content-type': 'application/json' },
            body: '{"question":"SLA for EKS"}',
          })
        ).body,
      );

    const first = (await health()).knowledge;
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect((await ask()).knowledge).toEqual({ version: first });

    writeFileSync(join(dir, 'broken.md'), '# Broken\n\n## Dangling question?\n');
    expect(await server.live.reload('test')).toBe(false);
    const refused = (await ask()).knowledge;
    expect(refused.version).toBe(first);
    expect(refused.rejected?.problems).toEqual(['broken.md:3: question "Dangling question?" has no answer under it']);
    expect(Date.parse(refused.rejected!.at)).not.toBeNaN();
    expect((await health()).knowledge).toBe(first);

    rmSync(join(dir, 'broken.md'));
    writeFileSync(join(dir, 'databases.md'), DATABASES);
    expect(await server.live.reload('test')).toBe(true);
    const second = (await health()).knowledge;
    expect(second).toMatch(/^[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect((await ask()).knowledge).toEqual({ version: second });
  });
});
