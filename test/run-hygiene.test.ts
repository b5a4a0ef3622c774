/** The run's own check (test/helpers/run-hygiene.ts): a change under ./data is seen, and the run's temporary files go to its scratch directory. */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { difference, listing } from './helpers/run-hygiene';
import { tempDir } from './helpers/temp-dir';

describe('run hygiene', () => {
  it('sees a file added, changed or removed under a directory, and a directory appearing', () => {
    const dir = join(tempDir('aws-qa-hygiene-'), 'data');
    const absent = listing(dir);
    expect(absent).toEqual([]);
    mkdirSync(dir);
    writeFileSync(join(dir, 'aws-qa.db'), 'one');
    const first = listing(dir);
    expect(difference(absent, first)).toEqual([expect.stringMatching(/^\+ \. dir /), expect.stringMatching(/^\+ aws-qa\.db 3 /)]);
    expect(difference(first, listing(dir))).toEqual([]);

    writeFileSync(join(dir, 'aws-qa.db'), 'two');
    utimesSync(join(dir, 'aws-qa.db'), new Date(), new Date(Date.now() + 5_000));
    writeFileSync(join(dir, 'aws-qa.db-wal'), '');
    const changed = difference(first, listing(dir));
    expect(changed).toContainEqual(expect.stringMatching(/^- aws-qa\.db 3 /));
    expect(changed).toContainEqual(expect.stringMatching(/^\+ aws-qa\.db 3 /));
    expect(changed).toContainEqual(expect.stringMatching(/^\+ aws-qa\.db-wal 0 /));
  });

  it('runs with TMPDIR pointed at its scratch directory', () => {
    expect(basename(tmpdir())).toMatch(/^aws-qa-test-run-/);
  });
});
