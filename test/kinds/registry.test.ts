/**
 * Kinds grouped by folder: each `src/kinds/<kind>/` holds its readings (`candidates.ts`) and,
 * when it builds an answer of its own, `answer.ts`; every generator a folder exports is in the
 * registry, once, and the registry holds nothing else.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATORS } from '../../src/kinds/registry';

const KINDS_DIR = join(__dirname, '..', '..', 'src', 'kinds');
const folders = readdirSync(KINDS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The generators a kind folder exports: its functions named `…Candidates`. */
function exportedGenerators(kind: string): unknown[] {
  const mod = require(join(KINDS_DIR, kind, 'candidates')) as Record<string, unknown>;
  return Object.entries(mod)
    .filter(([name, value]) => name.endsWith('Candidates') && typeof value === 'function')
    .map(([, value]) => value);
}

describe('the registry of kinds', () => {
  it('has one folder per kind, each with its readings', () => {
    expect(folders).toEqual(expect.arrayContaining(['sla', 'compare', 'facet', 'recommend', 'lookup', 'help', 'clarify', 'not-found']));
    for (const kind of folders) expect(existsSync(join(KINDS_DIR, kind, 'candidates.ts'))).toBe(true);
  });

  it('lists every generator of every kind folder once, and nothing else', () => {
    const exported = folders.flatMap(exportedGenerators);
    expect(new Set(GENERATORS).size).toBe(GENERATORS.length);
    expect([...GENERATORS].sort()).toEqual([...exported].sort());
  });
});
