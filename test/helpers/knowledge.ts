/** Test helpers for knowledge directories: the real one, and temporary copies with extra files. */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

export const KNOWLEDGE_DIR = join(__dirname, '..', '..', 'knowledge');
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

/** A temporary copy of `knowledge/` with `files` (name → content) added or replaced, removed after the test file. */
export function knowledgeCopy(files: Record<string, string> = {}): string {
  const dir = tempDir('aws-qa-kb-');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
