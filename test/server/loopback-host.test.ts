/**
 * Issue 23, "also": `HOST=[::1]` listens (it passed the configuration and then failed to bind), and
 * `HOST=127.0.0.2` is loopback everywhere (it got the NON-LOOPBACK warning): one loopback check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stoppedAfterEach } from '../helpers/lifecycle';
import { baseEnv, startInProcess } from './helpers/server';

describe('HOST on loopback', () => {
  const start = stoppedAfterEach(startInProcess, (s) => s.stop());
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-loopback-host-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['[::1]', 'http://[::1]:'],
    ['::1', 'http://[::1]:'],
    ['127.0.0.2', 'http://127.0.0.2:'],
  ])('HOST=%s listens there, in local mode, without the non-loopback warning', async (host, prefix) => {
    const server = await start(baseEnv({ HOST: host, DATA_DIR: dataDir }));
    expect(server.url.startsWith(prefix)).toBe(true);
    // fetch, which takes a bracketed IPv6 URL as is (the `Host` header names loopback: local mode answers).
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
    expect(server.logs().filter((l) => /NON-LOOPBACK/.test(String(l.msg)))).toEqual([]);
  });
});
