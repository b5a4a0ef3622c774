/**
 * The batch protocol: JSONL `{"id","question"[,"thread"]}` in, one JSON line out per input line, in order:
 * `{"id","answered","intent","confidence","text","sources","answer_id"[,"payload"]}`. A bad line
 * (not JSON, no question, over 4,000 characters) yields `{"id","answered":false,"error"}` and the
 * batch goes on. Blank lines are skipped (line numbers still count them); a line without an `id`
 * gets its 1-based line number. Standard output carries only these records.
 *
 * Lines that share a `"thread"` are one conversation: each is answered in the context of the
 * earlier ones (as replies in one Slack thread or Teams chat are), in input order.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { MAX_QUESTION_LENGTH, MAX_TURNS, renderText, type Answer, type Assistant, type Turn } from '../../src/index';

/** The shape of one line, in the user's terms: every message names the field and what a line looks like. */
const LINE_SHAPE = '{"id": "q1", "question": "SLA for EKS"}';

const batchLineSchema = z.object(
  {
    id: z.union([z.string(), z.number()], { error: '"id" must be a string or a number (or left out: the line number is used)' }).optional(),
    question: z
      .string({
        error: (issue) => (issue.input === undefined ? `no "question": each line is ${LINE_SHAPE}` : '"question" must be a string'),
      })
      .trim()
      .min(1, '"question" is empty')
      .max(MAX_QUESTION_LENGTH, `"question" is over ${MAX_QUESTION_LENGTH} characters`),
    thread: z
      .union([z.string(), z.number()], { error: '"thread" must be a string or a number (lines that share it are one conversation)' })
      .optional(),
  },
  { error: `not an object: each line is ${LINE_SHAPE}` },
);

export type Renderer = (answer: Answer) => unknown;

/** The turns of each conversation of one batch, by its `thread`. */
export type Threads = Map<string, Turn[]>;

/** The line's id when it has one, else its 1-based line number. */
function idOf(raw: unknown, lineNo: number): string | number {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return lineNo;
}

/** One output record for one input line. Never throws. */
export function answerLine(
  assistant: Assistant,
  line: string,
  lineNo: number,
  render?: Renderer,
  explain = false,
  threads: Threads = new Map(),
): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: lineNo, answered: false, error: `line ${lineNo}: not JSON: each line is ${LINE_SHAPE}` };
  }
  const id = idOf(raw, lineNo);
  const parsed = batchLineSchema.safeParse(raw);
  if (!parsed.success) {
    return { id, answered: false, error: `line ${lineNo}: ${parsed.error.issues[0].message}` };
  }
  try {
    const thread = parsed.data.thread === undefined ? undefined : String(parsed.data.thread);
    const turns = thread === undefined ? undefined : (threads.get(thread) ?? []);
    const routed = assistant.route(parsed.data.question, { explain, turns });
    if (thread !== undefined) threads.set(thread, [...(turns ?? []), routed.turn].slice(-MAX_TURNS));
    const { answer, intent } = routed;
    const record: Record<string, unknown> = {
      id,
      answered: answer.answered,
      intent,
      kind: answer.kind,
      confidence: Number(answer.confidence.toFixed(3)),
      text: renderText(answer),
      sources: answer.sources,
      answer_id: answer.id,
    };
    if (render) record.payload = render(answer);
    if (routed.explain) record.explain = routed.explain;
    return record;
  } catch (err) {
    return { id, answered: false, error: `line ${lineNo}: internal error: ${(err as Error).message}` };
  }
}

/** Runs the batch protocol from `input` to `output`; resolves with the number of lines read. */
export async function runBatch(
  assistant: Assistant,
  input: Readable,
  output: Writable,
  render?: Renderer,
  explain = false,
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const threads: Threads = new Map();
  let n = 0;
  for await (const line of rl) {
    n += 1;
    if (!line.trim()) continue;
    output.write(`${JSON.stringify(answerLine(assistant, line, n, render, explain, threads))}\n`);
  }
  return n;
}
