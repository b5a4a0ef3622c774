import { createHash } from 'node:crypto';
import { finish, type AnswerDraft } from '../../src/answer/common';

const draft = (question: string, text: string): AnswerDraft => ({
  kind: 'lookup',
  question,
  title: 'From the knowledge base',
  parts: [{ type: 'text', text }],
  sources: [],
  followUps: [],
  confidence: 0.75,
  answered: true,
});

const expectedId = (d: AnswerDraft): string =>
  `${d.kind}-${createHash('sha1')
    .update(JSON.stringify([d.kind, d.question.toLowerCase(), d.title, d.parts]))
    .digest('hex')
    .slice(0, 16)}`;

describe('finish: the answer id', () => {
  it('is the hash of the kind, question, title and parts, last among the enumerable keys', () => {
    const d = draft('What is the Lambda timeout?', '15 minutes');
    const a = finish(d);
    expect(a.id).toBe(expectedId(d));
    expect(Object.keys(a).at(-1)).toBe('id');
    expect(JSON.parse(JSON.stringify(a)).id).toBe(expectedId(d));
  });

  it('is carried by a spread and a rest copy, which hold no hidden field', () => {
    const a = finish(draft('q', 'text'));
    const { id, ...rest } = a;
    expect({ ...a }.id).toBe(id);
    expect(Object.getOwnPropertySymbols({ ...a })).toEqual([]);
    expect(Object.keys(rest)).not.toContain('id');
  });

  it('differs between answers and reads the same once the answer is frozen', () => {
    const a = finish(draft('q', 'one'));
    const b = finish(draft('q', 'two'));
    expect(a.id).not.toBe(b.id);
    const c = finish(draft('q', 'one'));
    Object.freeze(c);
    expect(c.id).toBe(a.id);
    expect(c.id).toBe(a.id);
  });
});
