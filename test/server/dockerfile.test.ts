/**
 * The Dockerfile cannot be built here (no Docker engine), so it is checked by inspection, and its
 * HEALTHCHECK command is run for real against a server that is starting, ready and gone.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createAppServer } from '../../adapters/server/http-server';
import { SERVER_NODE_OPTIONS } from '../../adapters/server/node-options';
import { ROOT } from './helpers/server';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trimStart().startsWith('#'));
const stages = dockerfile.split(/^FROM /m).slice(1);

/** Runs the HEALTHCHECK's node -e script with PORT=port; resolves its exit code. */
function healthcheck(port: number): Promise<number> {
  const cmd = /HEALTHCHECK .*CMD (\[.*\])/.exec(instructions.join('\n'))?.[1];
  const argv = JSON.parse(cmd ?? '[]') as string[];
  expect(argv.slice(0, 2)).toEqual(['node', '-e']);
  return new Promise((resolve) => {
    execFile(process.execPath, argv.slice(1), { env: { PORT: String(port) }, timeout: 10_000 }, (error) =>
      resolve(error ? Number((error as { code?: number }).code ?? 1) : 0),
    );
  });
}

describe('Dockerfile', () => {
  it('builds in one node:20-slim stage and runs in another', () => {
    expect(stages).toHaveLength(2);
    expect(instructions.filter((l) => l.startsWith('FROM ')).map((l) => l.split(' ')[1])).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}']);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
  });

  it('installs with npm ci, builds, and prunes dev dependencies before the runtime copies node_modules', () => {
    const build = stages[0];
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build.indexOf('npm ci')).toBeLessThan(build.indexOf('npm run build'));
    expect(build.indexOf('npm run build')).toBeLessThan(build.indexOf('npm prune --omit=dev'));
    expect(stages[1]).toMatch(/COPY --from=build \/app\/node_modules \.\/node_modules/);
    expect(stages[1]).not.toMatch(/npm (ci|install)/);
  });

  it('runs the built server as a non-root user, in production, with the deployed heap settings', () => {
    const runtime = stages[1];
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toContain('NODE_ENV=production');
    // The node flags come from the one file `npm start` reads too.
    expect(runtime).toMatch(/^COPY adapters\/server\/node-flags \.\/node-flags$/m);
    expect(/^CMD (.*)$/m.exec(runtime)?.[1]).toBe('["sh", "-c", "exec node $(cat node-flags) dist/adapters/server/main.js"]');
    expect(runtime).not.toMatch(/NODE_OPTIONS/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain('node $(cat adapters/server/node-flags) dist/adapters/server/main.js');
    expect(SERVER_NODE_OPTIONS).toMatch(/^--/);
    expect(runtime).toMatch(/COPY knowledge \.\/knowledge/);
  });

  it('keeps secrets and build output out of the context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.env', '.git', 'node_modules', 'dist']));
  });

  describe('HEALTHCHECK', () => {
    it('uses node (no curl in -slim) and reports healthy only on /healthz 200', async () => {
      const app = createAppServer({ logger: pino({ level: 'silent' }) });
      const { port } = await app.listen(0, '127.0.0.1');
      try {
        expect(await healthcheck(port)).toBe(1); // starting: 503
        app.ready();
        expect(await healthcheck(port)).toBe(0);
      } finally {
        await app.close(500);
      }
      expect(await healthcheck(port)).toBe(1); // nothing listening
    });
  });
});
