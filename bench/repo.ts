/** What every benchmark reads from the repository: its root and the sample questions. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the directory holding `package.json`), from `bench/` or `dist/bench/`. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The sample questions of `test/eval/dev.jsonl` (its `q` field), in file order. */
export function devQuestions(): string[] {
  return readFileSync(join(repoRoot(), 'test', 'eval', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}
