/**
 * The batch protocol: JSONL `{"id","question"}` in, one JSON line out per input line, in order:
 * `{"id","answered","intent","confidence","text","sources","answer_id"[,"payload"]}`. A bad line
 * (not JSON, no question, over 4,000 characters) yields `{"id","answered":false,"error"}` and the
 * batch goes on. Standard output carries only these records.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { MAX_QUESTION_LENGTH, renderText, type Answer, type Assistant } from '../../src/index';

export const batchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string().trim().min(1, 'question is empty').max(MAX_QUESTION_LENGTH, `question is over ${MAX_QUESTION_LENGTH} characters`),
});

export type Renderer = (answer: Answer) => unknown;

/** The line's id when it has one, else its 1-based line number. */
function idOf(raw: unknown, lineNo: number): string | number {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return lineNo;
}

/** One output record for one input line. Never throws. */
export function answerLine(assistant: Assistant, line: string, lineNo: number, render?: Renderer): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: lineNo, answered: false, error: `line ${lineNo}: not JSON` };
  }
  const id = idOf(raw, lineNo);
  const parsed = batchLineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { id, answered: false, error: `line ${lineNo}: ${field}${issue.path.length === 0 && issue.code === 'invalid_type' ? 'expected an object with a "question"' : issue.message}` };
  }
  try {
    const { answer, intent } = assistant.route(parsed.data.question);
    const record: Record<string, unknown> = {
      id, answered: answer.answered, intent, kind: answer.kind, confidence: Number(answer.confidence.toFixed(3)),
      text: renderText(answer), sources: answer.sources, answer_id: answer.id,
    };
    if (render) record.payload = render(answer);
    return record;
  } catch (err) {
    return { id, answered: false, error: `line ${lineNo}: internal error: ${(err as Error).message}` };
  }
}

/** Runs the batch protocol from `input` to `output`; resolves with the number of lines read. */
export async function runBatch(assistant: Assistant, input: Readable, output: Writable, render?: Renderer): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n += 1;
    if (!line.trim()) continue;
    output.write(`${JSON.stringify(answerLine(assistant, line, n, render))}\n`);
  }
  return n;
}
