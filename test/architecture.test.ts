/** Dependencies point inward: the core never imports a platform SDK; adapters use only the core's public API. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
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

/**
 * The project's own modules `file` depends on: every relative specifier the TypeScript compiler's
 * pre-processor finds (imports, `import type`, export-from, `require()`, `import()` and
 * `typeof import()`), resolved to a `.ts`/`.tsx` file or a folder's `index.ts`.
 */
function localDependencies(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const base = resolve(dirname(file), spec.replace(/\.js$/, ''));
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      return found ? [found] : [];
    });
}

/**
 * The import cycles among `files`: each strongly connected component of their dependency graph
 * with more than one file (or a file importing itself), as sorted relative paths (Tarjan).
 */
function importCycles(files: string[], base: string): string[][] {
  const graph = new Map(files.map((f) => [f, localDependencies(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component.map((f) => relative(base, f)).sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
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

  it('has no import cycle, type-only imports and lazy require() included', () => {
    const files = [...core, ...sources(join(root, 'adapters')), ...sources(join(root, 'bench')), ...sources(join(root, 'scripts'))];
    expect(importCycles(files, root)).toEqual([]);
  });

  it('finds an import cycle, however it is written (the cycle check itself works)', () => {
    const dir = tempDir('aws-qa-cycle-');
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = { b: B };\n");
    writeFileSync(join(dir, 'b.ts'), "export type B = (typeof import('./c'))['C'];\n");
    writeFileSync(join(dir, 'c.ts'), "export const C = (): unknown => require('./a.js');\n");
    writeFileSync(join(dir, 'd.ts'), "import { C } from './c';\nexport const D = C;\n");
    writeFileSync(join(dir, 'e.ts'), "export * from './e';\n");
    const files = ['a', 'b', 'c', 'd', 'e'].map((n) => join(dir, `${n}.ts`));
    expect(importCycles(files, dir).sort()).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('sees every form of import (the check itself works)', () => {
    const file = join(tempDir('aws-qa-arch-'), 'fake.ts');
    writeFileSync(
      file,
      "import { App } from '@slack/bolt';\nimport type { Activity } from 'botbuilder';\nconst b = require('botbuilder-core');\nexport { x } from '../src/router/route';\n",
    );
    expect(imports(file).sort()).toEqual(['../src/router/route', '@slack/bolt', 'botbuilder', 'botbuilder-core']);
  });
});
