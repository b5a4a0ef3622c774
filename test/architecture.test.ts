/** Dependencies point inward: the core never imports a platform SDK; adapters use only the core's public API. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir } from './helpers/temp-dir';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Module specifiers of import/require/export-from statements. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  return found;
}

describe('architecture', () => {
  const core = sources(join(root, 'src'));

  it('finds the core sources', () => {
    expect(core.length).toBeGreaterThan(20);
  });

  it('keeps src/ free of Slack and Teams SDKs', () => {
    const offenders = core.flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('@slack/') || s === 'botbuilder' || s.startsWith('botbuilder-') || s.startsWith('botframework-'))
        .map((s) => `${relative(root, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets adapters reach into the core only through src/index', () => {
    const adapterFiles = sources(join(root, 'adapters'));
    const offenders = adapterFiles.flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => relative(root, join(f, '..', s)))
        .filter((target) => target.startsWith('src/') && target !== 'src/index')
        .map((target) => `${relative(root, f)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the knowledge base below the answers: src/knowledge imports nothing from answer/ or router/', () => {
    const offenders = sources(join(root, 'src', 'knowledge')).flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => relative(root, join(f, '..', s)))
        .filter((target) => target.startsWith('src/answer') || target.startsWith('src/router'))
        .map((target) => `${relative(root, f)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('sees every form of import (the check itself works)', () => {
    const { writeFileSync } = require('node:fs') as typeof import('node:fs');
    const file = join(tempDir('aws-qa-arch-'), 'fake.ts');
    writeFileSync(
      file,
      "import { App } from '@slack/bolt';\nimport type { Activity } from 'botbuilder';\nconst b = require('botbuilder-core');\nexport { x } from '../src/router/route';\n",
    );
    expect(imports(file).sort()).toEqual(['../src/router/route', '@slack/bolt', 'botbuilder', 'botbuilder-core']);
  });
});
