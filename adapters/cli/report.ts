/**
 * `aws-qa report [--since 7d] [--json | --csv] [--limit N] [--playground] [--knowledge DIR]`: the
 * knowledge-gap report from the store the server writes (`DATA_DIR`, default `./data`, or
 * `DATABASE_URL`). Unanswered questions grouped by normalized text (count, last asked), answers
 * voted down, the questions handed to the experts, the most asked questions, totals per platform. The text form also asks the
 * knowledge base (through the core's assistant) for the closest thing it holds to each
 * unanswered question, grouped by the owner of that closest entry (its file's front matter) when
 * any file names one. Playground (`web`) rows are left out of the lists unless `--playground`.
 *
 * Exit codes: 0 ok, 1 no store or a store failure, 2 usage error.
 */
import { existsSync } from 'node:fs';
import { type Assistant, DEFAULT_REPORT_PLATFORMS, parseSince, type Report, type Source, type StorePlatform } from '../../src/index';
import { redactUrl, storeConfigFromEnv, type StoreLocation } from '../store/store-config';
import { openStore } from '../store/open-store';
import { type Closest, formatCsv, formatText, printableJson } from './report-format';

export const REPORT_USAGE = `usage: aws-qa report [--since 7d] [--json | --csv] [--limit N] [--playground] [--knowledge DIR]
  --since       a duration (30m, 24h, 7d, 2w) or an ISO date; default 7d
  --json        the report as JSON: { unanswered, downvoted, top, totals, escalated }
  --csv         one CSV table with a section column
  --limit       most rows per list (default 20 for text, 100 otherwise)
  --playground  also count the local playground's questions and votes in the lists
The store is DATABASE_URL when set, else DATA_DIR/aws-qa.db (DATA_DIR default ./data).`;

export interface ReportIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** The assistant for "closest" (tests); default the knowledge directory's, built as `ask` does. */
  assistant?: () => Pick<Assistant, 'ask'>;
}

interface ReportArgs {
  since: number;
  sinceText: string;
  format: 'text' | 'json' | 'csv';
  limit: number;
  platforms: StorePlatform[];
  knowledgeDir: string;
}

/** The report's option values, as the command table (`commands.ts`) parses them. */
export interface ReportValues {
  since?: string;
  json?: boolean;
  csv?: boolean;
  limit?: string;
  playground?: boolean;
  knowledge?: string;
  help?: boolean;
}

function parseReportArgs(values: ReportValues, env: NodeJS.ProcessEnv, now: number): ReportArgs | 'help' {
  if (values.help) return 'help';
  if (values.json && values.csv) throw new Error('--json and --csv cannot be used together');
  const format = values.json ? 'json' : values.csv ? 'csv' : 'text';
  const limit = values.limit === undefined ? (format === 'text' ? 20 : 100) : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new Error(`--limit must be an integer from 1 to 10000 (got "${values.limit}")`);
  return {
    since: parseSince(values.since ?? '7d', now),
    sinceText: values.since ?? '7d',
    format,
    limit,
    platforms: values.playground ? [...DEFAULT_REPORT_PLATFORMS, 'web'] : [...DEFAULT_REPORT_PLATFORMS],
    knowledgeDir: values.knowledge ?? env.KNOWLEDGE_DIR ?? './knowledge',
  };
}

/** The closest thing the knowledge base holds to `question`, asked through the core's API. */
export function closestFor(assistant: Pick<Assistant, 'ask'>, question: string): Closest {
  const answer = assistant.ask(question);
  if (answer.answered && answer.kind !== 'help' && answer.kind !== 'clarify')
    return { nowAnswered: answer.title, suggestions: [], ...ownerOf(answer.sources) };
  const offered = answer.kind === 'clarify' ? answer.choices : answer.followUps;
  const suggestions = offered.map((s) => s.question).slice(0, 3);
  // The owner of the closest entry: the file behind the first question offered instead.
  return { suggestions, ...(suggestions.length ? ownerOf(assistant.ask(suggestions[0]).sources) : {}) };
}

/** `{ owner }` of the first source whose file names one, or nothing. */
function ownerOf(sources: readonly Source[]): { owner?: string } {
  const owner = sources.find((s) => s.owner)?.owner;
  return owner ? { owner } : {};
}

/** Runs the command: the exit code (see the module doc). */
export async function runReport(values: ReportValues, io: ReportIo): Promise<number> {
  let args: ReportArgs | 'help';
  let location: StoreLocation;
  try {
    args = parseReportArgs(values, io.env, Date.now());
    location = storeConfigFromEnv(io.env, io.cwd).location;
  } catch (error) {
    io.stderr.write(`aws-qa report: ${(error as Error).message}\n${REPORT_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const report = await readReport(location, args, io);
  if (!report) return 1;
  if (args.format === 'json') io.stdout.write(`${printableJson(JSON.stringify(report, null, 2))}\n`);
  else if (args.format === 'csv') io.stdout.write(formatCsv(report));
  else io.stdout.write(textReport(report, args, location, io));
  return 0;
}

/** The report from the store at `location`, or `undefined` when there is none or it failed (said on stderr). */
async function readReport(location: StoreLocation, args: ReportArgs, io: ReportIo): Promise<Report | undefined> {
  if (location.kind === 'sqlite' && !existsSync(location.file)) {
    io.stderr.write(
      `aws-qa report: no store at ${location.file} (the server creates it on first start; set DATA_DIR or DATABASE_URL to read another)\n`,
    );
    return undefined;
  }
  try {
    const { store } = await openStore(location);
    try {
      return await store.report({ since: args.since, limit: args.limit, platforms: args.platforms });
    } finally {
      await store.close();
    }
  } catch (error) {
    io.stderr.write(`aws-qa report: ${(error as Error).message}\n`);
    return undefined;
  }
}

/**
 * The text form: the period and the store it covers, and for each unanswered question the closest
 * thing the knowledge base holds (its assistant built on first use; nothing when it cannot be).
 */
function textReport(report: Report, args: ReportArgs, location: StoreLocation, io: ReportIo): string {
  let assistant: Pick<Assistant, 'ask'> | undefined;
  const closest = (question: string): Closest => {
    try {
      assistant ??=
        io.assistant?.() ?? (require('./knowledge-cache') as typeof import('./knowledge-cache')).loadAssistant(args.knowledgeDir, io.env);
      return closestFor(assistant, question);
    } catch {
      return { suggestions: [] };
    }
  };
  const source = location.kind === 'sqlite' ? `sqlite ${location.file}` : `postgres ${redactUrl(location.url)}`;
  const platforms = args.platforms.map((p) => (p === 'web' ? 'playground' : p));
  return formatText(report, { period: periodOf(args), source, platforms, closest });
}

/** `the last 7 days (since 2024-11-07 12:00 UTC)` for a duration, `since 2024-11-07 00:00 UTC` for a date. */
function periodOf(args: ReportArgs): string {
  const from = `since ${new Date(args.since).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const span = /^(\d+)([mhdw])$/.exec(args.sinceText.trim());
  if (!span) return from;
  const unit = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[span[2] as 'm' | 'h' | 'd' | 'w'];
  return `the last ${span[1]} ${unit}${span[1] === '1' ? '' : 's'} (${from})`;
}
