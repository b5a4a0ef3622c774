/** Test helpers for knowledge directories: the real one, and temporary copies with extra files. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KNOWLEDGE_DIR = join(__dirname, '..', '..', 'knowledge');
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

/** A temporary copy of `knowledge/` with `files` (name → content) added or replaced. */
export function knowledgeCopy(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-qa-kb-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
