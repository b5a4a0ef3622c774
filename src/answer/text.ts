/**
 * Plain-text renderer (CLI, logs, notifications): title, parts, source line, suggestions.
 * Comparisons print one dimension per block with one line per service.
 *
 * The text is written line by line to a sink ({@link writeText}): `renderText` joins the lines,
 * `measureText` only counts them (what the router reads of every answer it scores, without
 * making the text).
 */
import { answerChoices } from './actions';
import { assertNever, type Answer, type Part } from './answer';
import { sourceLabel } from './source-line';

/**
 * Receives an answer's text: `line` once per line, given as up to four pieces written one after
 * the other (a line whose pieces are all empty is no line); `end` after each block. Blocks are
 * separated by a blank line, and a block without lines is none.
 */
interface TextSink {
  line(a: string, b?: string, c?: string, d?: string): void;
  end(): void;
}

function writePart(p: Part, out: TextSink): void {
  switch (p.type) {
    case 'text':
      out.line(p.text);
      return;
    case 'bullets':
      if (p.heading) out.line(p.heading, ':');
      for (const i of p.items) out.line('• ', i);
      return;
    case 'facts':
      if (p.heading) out.line(p.heading, ':');
      for (const f of p.facts) out.line('• ', f.label, ': ', f.value);
      return;
    case 'comparison':
      if (p.heading) out.line(p.heading, ':');
      for (const r of p.rows) {
        out.line('• ', r.dimension);
        r.values.forEach((v, i) => {
          if (v) out.line('    ', p.columns[i], ': ', v);
        });
      }
      return;
    default:
      assertNever(p);
  }
}

/** Writes `answer`'s plain text to `out`: the title, each part, the "Did you mean" choices, the sources; one block each. */
function writeText(answer: Answer, out: TextSink): void {
  out.line(answer.title);
  out.end();
  for (const p of answer.parts) {
    writePart(p, out);
    out.end();
  }
  const choices = answerChoices(answer);
  if (choices.length) out.line('Did you mean: ', choices.map((c) => c.question).join(' | '));
  out.end();
  if (answer.sources.length) out.line('Source: ', answer.sources.map(sourceLabel).join('; '));
  out.end();
}

export function renderText(answer: Answer): string {
  const blocks: string[] = [];
  let lines: string[] = [];
  writeText(answer, {
    line: (a, b = '', c = '', d = '') => {
      const line = a + b + c + d;
      if (line) lines.push(line);
    },
    end: () => {
      if (lines.length) blocks.push(lines.join('\n'));
      lines = [];
    },
  });
  return blocks.join('\n\n');
}

/** Of an answer's plain text: its length, and whether it holds a digit. */
export interface TextMeasure {
  length: number;
  hasDigit: boolean;
}

const DIGIT = /\d/;

/** `renderText(answer).length`, and whether that text holds a digit, without making the text. */
export function measureText(answer: Answer): TextMeasure {
  let length = 0;
  let hasDigit = false;
  let blocks = 0;
  let lines = 0;
  const piece = (s: string): void => {
    length += s.length;
    if (!hasDigit && DIGIT.test(s)) hasDigit = true;
  };
  writeText(answer, {
    line: (a, b = '', c = '', d = '') => {
      if (!(a || b || c || d)) return;
      // A line after another in its block follows a line break; a block's first, a blank line.
      length += lines > 0 ? 1 : blocks > 0 ? 2 : 0;
      lines += 1;
      piece(a);
      piece(b);
      piece(c);
      piece(d);
    },
    end: () => {
      if (lines > 0) blocks += 1;
      lines = 0;
    },
  });
  return { length, hasDigit };
}
