/**
 * `measureText`: the length of an answer's plain text and whether it holds a digit, as
 * `renderText` makes it, without making it (the router measures every answer it scores).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../src/answer/answer';
import { measureText, renderText } from '../../src/answer/text';
import { normalizeQuestion } from '../../src/read/normalize';
import { readings } from '../../src/router/choose';
import { proposeAll } from '../../src/router/route';
import { routerContext } from '../helpers/router-context';

const base = { id: 'a1', question: 'q', confidence: 0.5, answered: true, followUps: [] };

/** Answers of every kind and part shape, the empty ones included. */
const shapes: Answer[] = [
  { ...base, kind: 'lookup', title: 'One passage', parts: [{ type: 'text', text: 'No figure here.' }], sources: [] },
  { ...base, kind: 'lookup', title: '', parts: [{ type: 'text', text: '' }], sources: [] },
  {
    ...base,
    kind: 'facet',
    services: ['Lambda'],
    facet: 'limits',
    title: 'Lambda: limits',
    parts: [
      { type: 'bullets', items: ['Timeout: 15 minutes', 'Memory'] },
      { type: 'bullets', heading: 'Empty', items: [] },
      { type: 'facts', heading: '', facts: [{ label: 'Region-level SLA', value: '99.95%' }] },
    ],
    sources: [{ file: 'aws-qa.md', section: 'Limits', line: 3, reviewed: '2024-01-15' }],
  },
  {
    ...base,
    kind: 'compare',
    services: ['A', 'B'],
    synthesized: true,
    title: 'A vs B',
    parts: [
      {
        type: 'comparison',
        heading: 'Side by side',
        columns: ['A', 'B'],
        rows: [
          { dimension: 'Cost', values: ['low', ''] },
          { dimension: 'Scale', values: ['', ''] },
        ],
      },
    ],
    sources: [
      { file: 'a.md', section: 'A', line: 1 },
      { file: 'b.md', section: 'B', line: 2 },
    ],
  },
  {
    ...base,
    kind: 'clarify',
    title: 'Did you mean…',
    parts: [{ type: 'text', text: 'Which one?' }],
    sources: [],
    choices: [
      { label: 'EKS', question: 'SLA for EKS' },
      { label: 'ECS', question: 'SLA for ECS' },
    ],
  },
];

const expected = (a: Answer) => {
  const text = renderText(a);
  return { length: text.length, hasDigit: /\d/.test(text) };
};

describe('measureText', () => {
  it.each(shapes.map((a, i) => [i, a] as const))("gives shape %i's rendered length and whether it holds a digit", (_, a) => {
    expect(measureText(a)).toEqual(expected(a));
  });

  it('agrees with renderText on every answer built for the sample questions (every reading)', () => {
    const ctx = routerContext();
    const questions = readFileSync(join(__dirname, '..', 'eval', 'dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q);
    let answers = 0;
    for (const q of questions) {
      const input = { u: ctx.reader.read(normalizeQuestion(q)), ctx };
      const { scored, partial, notFound } = readings(input, proposeAll(input), true);
      for (const r of [...scored, ...(partial ? [partial] : []), notFound]) {
        const a = r.build();
        expect(measureText(a)).toEqual(expected(a));
        answers += 1;
      }
    }
    expect(answers).toBeGreaterThan(questions.length);
  });
});
