/**
 * Issue 12 item 10: without an app id, the bot must not be a blind POST relay. The server runs in
 * its own process with `loopback-guard.js` preloaded, so any connection it attempts to a
 * non-loopback address is refused inside it (and reported on its stderr): no packet leaves the
 * machine even if the code under test is wrong.
 */
import { join } from 'node:path';
import { startedForAll } from '../helpers/lifecycle';
import { startFakeConnector } from './helpers/fakes';
import { postActivity, teamsMessage } from './helpers/requests';
import { baseEnv, spawnServer, stopSpawned } from './helpers/server';

const GUARD = join(__dirname, 'helpers', 'loopback-guard.js');
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('local mode replies only to loopback serviceUrls', () => {
  const connector = startedForAll(startFakeConnector);
  const server = startedForAll(
    // 192.0.2.1 (TEST-NET-1, never routed) is explicitly allowed: the guard must see (and refuse) that attempt.
    () => spawnServer(baseEnv({ TEAMS_ALLOWED_SERVICE_URLS: 'http://192.0.2.1:9' }), { preload: [GUARD] }),
    (s) => stopSpawned(s),
    30_000,
  );

  const post = (serviceUrl: string) => postActivity(server().url, teamsMessage(serviceUrl, 'SLA for EKS'));

  it('refuses (403) an activity whose serviceUrl is a metadata or other non-loopback address, and attempts no connection', async () => {
    for (const serviceUrl of [
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/',
      'https://smba.trafficmanager.net/amer/',
      'http://10.1.2.3:8080/',
      'http://[fd00::1]/',
    ]) {
      expect({ serviceUrl, status: (await post(serviceUrl)).status }).toEqual({ serviceUrl, status: 403 });
    }
    await wait(300);
    expect(server().stderr()).not.toContain('LOOPBACK-GUARD');
  });

  it('replies to a loopback serviceUrl (the Emulator, a local fake connector)', async () => {
    const before = connector().calls.length;
    expect((await post(`${connector().url}`)).status).toBe(200);
    expect(connector().calls.length).toBeGreaterThan(before);
  });

  it('replies to an origin named by TEAMS_ALLOWED_SERVICE_URLS (here refused by the guard, which proves it is active)', async () => {
    expect((await post('http://192.0.2.1:9/v3/')).status).toBe(200);
    for (let i = 0; i < 50 && !server().stderr().includes('LOOPBACK-GUARD refused 192.0.2.1:9'); i += 1) await wait(100);
    expect(server().stderr()).toContain('LOOPBACK-GUARD refused 192.0.2.1:9');
  });
});
