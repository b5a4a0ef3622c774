#!/usr/bin/env node
/**
 * `npm run answers:diff -- <ref> [--questions FILE]...`: the answers to the sample questions at
 * a git ref versus the working tree, printing every question whose answer differs (`answered`,
 * intent, and the changed lines of its text) and a count. Each side answers with its own code and its own
 * `knowledge/`, through `aws-qa batch`, so the script reviews a code change and a knowledge change
 * alike.
 *
 * Questions: the `q` field of every line of `test/eval/dev.jsonl` and, when present,
 * `test/eval/real.jsonl`, plus any `--questions FILE` (JSON lines with `q` or `question`).
 *
 * The ref is checked out in a temporary git worktree under the system's temporary directory,
 * with the working tree's `node_modules` linked in (no `npm ci`: a ref whose dependencies differ
 * may fail to build, and says so), built with `tsc`, and removed afterwards. The working tree
 * side runs the current build (`npm run answers:diff` builds first).
 *
 * Exit codes: 0 compared (differences or not), 1 failure (the ref does not exist or does not
 * build), 2 usage error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { structuredPatch } from 'diff';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SETS = ['test/eval/dev.jsonl', 'test/eval/real.jsonl'];
const USAGE = 'usage: npm run answers:diff -- <git ref> [--questions FILE]...';

/** Distinct questions of `files` (JSON lines with `q` or `question`), in order. */
export function readQuestions(files) {
  const seen = new Set();
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let q;
        try {
          const record = JSON.parse(line);
          q = record.q ?? record.question;
        } catch {
          throw new Error(`${file}:${i + 1}: not JSON`);
        }
        if (typeof q !== 'string' || !q.trim()) throw new Error(`${file}:${i + 1}: no "q" (or "question")`);
        seen.add(q);
      });
  }
  return [...seen];
}

/** Answers of `questions` by the `aws-qa` of `tree` over its own knowledge: one record per question, in order. */
export function answersOf(tree, questions) {
  const input = questions.map((question, i) => JSON.stringify({ id: i, question })).join('\n');
  const r = spawnSync(process.execPath, [join(tree, 'bin', 'aws-qa.js'), 'batch', '--knowledge', join(tree, 'knowledge')], {
    cwd: tree,
    input: `${input}\n`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, AWS_QA_CACHE_DIR: 'off', KNOWLEDGE_DIR: '' },
  });
  if (r.status !== 0) throw new Error(`aws-qa batch in ${tree} exited ${r.status}:\n${r.stderr}`);
  const byId = new Map(
    r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((a) => [a.id, a]),
  );
  return questions.map((_, i) => byId.get(i) ?? { error: 'no answer' });
}

/** What a reader compares: text, answered and intent (or the error). */
const shown = (a) => (a.error ? { error: a.error } : { answered: a.answered, intent: a.intent, text: a.text });

/** Questions whose answers differ between `before` and `after`. */
export function differences(questions, before, after) {
  return questions
    .map((q, i) => ({ q, before: shown(before[i]), after: shown(after[i]) }))
    .filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after));
}

const summary = (a) => (a.error ? `error: ${a.error}` : `answered: ${a.answered}, intent: ${a.intent}`);

/** The changed lines of the two texts (`-` before, `+` after), with two lines of context. */
function textDiff(before, after) {
  if ((before ?? '') === (after ?? '')) return '    text: unchanged';
  const { hunks } = structuredPatch('before', 'after', `${before ?? ''}\n`, `${after ?? ''}\n`, '', '', { context: 2 });
  return hunks.map((h) => h.lines.map((l) => `    ${l}`).join('\n')).join('\n    …\n');
}

/** One difference as the reader sees it: the question, both summaries, the text's changed lines. */
export function formatDifference(d, refLabel) {
  return [
    `• ${d.q}`,
    `    ${refLabel}: ${summary(d.before)}`,
    `    working tree: ${summary(d.after)}`,
    textDiff(d.before.text ?? d.before.error, d.after.text ?? d.after.error),
    '',
  ].join('\n');
}

/** Checks out and builds `ref` in a temporary worktree; returns its directory and a cleanup. */
function checkoutRef(ref) {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  let commit;
  try {
    commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  } catch {
    throw new Error(`"${ref}" is not a commit of this repository`);
  }
  const dir = join(mkdtempSync(join(tmpdir(), 'aws-qa-answers-diff-')), 'tree');
  git('worktree', 'add', '--detach', dir, commit);
  const cleanup = () => {
    try {
      git('worktree', 'remove', '--force', dir);
    } catch {
      /* already gone */
    }
    rmSync(dirname(dir), { recursive: true, force: true });
  };
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (tsc.status !== 0)
      throw new Error(`${ref} (${commit.slice(0, 12)}) does not build with this tree's node_modules:\n${tsc.stdout}${tsc.stderr}`);
  } catch (err) {
    cleanup();
    throw err;
  }
  return { dir, commit, cleanup };
}

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { questions: { type: 'string', multiple: true } }, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`answers:diff: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    process.stderr.write(`answers:diff: give one git ref (e.g. HEAD, main, HEAD~3)\n${USAGE}\n`);
    return 2;
  }
  const [ref] = parsed.positionals;
  const sets = [
    ...DEFAULT_SETS.map((f) => join(ROOT, f)).filter((f) => existsSync(f)),
    ...(parsed.values.questions ?? []).map((f) => resolve(f)),
  ];
  const questions = readQuestions(sets);
  const { dir, commit, cleanup } = checkoutRef(ref);
  let before;
  try {
    before = answersOf(dir, questions);
  } finally {
    cleanup();
  }
  const after = answersOf(ROOT, questions);
  const diffs = differences(questions, before, after);
  for (const d of diffs) process.stdout.write(`${formatDifference(d, `${ref} (${commit.slice(0, 12)})`)}\n`);
  const from = sets.map((f) => f.replace(`${ROOT}/`, '')).join(', ');
  process.stdout.write(
    `${diffs.length} of ${questions.length} answers differ between ${ref} (${commit.slice(0, 12)}) and the working tree (questions: ${from})\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`answers:diff: ${err.message}\n`);
    process.exitCode = 1;
  }
}
