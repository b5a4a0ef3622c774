import type { Answer, Part } from '../../src/index';
import { ANSWER_KINDS } from '../../src/index';
import { createAnswer, allSampleAnswers } from '../helpers/answer-factory';
import { prng } from '../helpers/prng';
import { TEAMS_LIMITS, messageBytes } from '../../adapters/teams/card-limits';
import { ADAPTIVE_CARD_CONTENT_TYPE, FEEDBACK_SET_ID, FEEDBACK_THANKS, renderTeams, renderTeamsCard } from '../../adapters/teams/render';
import { parseSubmitValue } from '../../adapters/teams/submit-data';
import { activityCardErrors, allStrings } from './helpers/validate-card';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a card is free-form JSON walked by path in these tests
type Json = { [key: string]: any };

function cardOf(activity: ReturnType<typeof renderTeams>): Json {
  return activity.attachments![0].content as Json;
}

function find(node: unknown, pred: (n: Json) => boolean, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => find(n, pred, out));
  else if (node && typeof node === 'object') {
    if (pred(node as Json)) out.push(node as Json);
    Object.values(node as Json).forEach((v) => find(v, pred, out));
  }
  return out;
}

const textBlocks = (card: Json): string[] => find(card, (n) => n.type === 'TextBlock').map((n) => n.text as string);
const submits = (card: Json): Json[] => find(card, (n) => n.type === 'Action.Submit');

/** Undoes the renderer's markdown escaping. */
const unescape = (s: string): string => s.replace(/\\([\\`*_[\]])/g, '$1');

describe('renderTeams', () => {
  describe('every answer kind', () => {
    it.each(ANSWER_KINDS.map((k) => [k]))('renders %s as a message with one valid Adaptive Card 1.5', (kind) => {
      const answer = createAnswer(kind);
      const activity = renderTeams(answer);
      expect(activity.type).toBe('message');
      expect(activity.summary).toBe(answer.title);
      expect(activity.attachments).toHaveLength(1);
      expect(activity.attachments![0].contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
      expect(activityCardErrors(activity)).toEqual([]);
      expect(JSON.parse(JSON.stringify(activity))).toEqual(activity);
      expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      const card = cardOf(activity);
      expect(card.version).toBe('1.5');
      expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: answer.title, weight: 'Bolder', wrap: true });
      expect(card.fallbackText).toContain(answer.title);
    });

    it('renders deep-frozen answers (the engine shares cached answers read-only)', () => {
      const freeze = <T>(v: T): T => {
        if (v && typeof v === 'object') {
          Object.values(v).forEach(freeze);
          Object.freeze(v);
        }
        return v;
      };
      for (const answer of allSampleAnswers()) {
        freeze(answer);
        expect(activityCardErrors(renderTeams(answer))).toEqual([]);
        expect(activityCardErrors(renderTeamsCard(answer, { feedback: 'thanks', intro: 'hi' }))).toEqual([]);
      }
      const long = freeze(createAnswer('lookup', { parts: [{ type: 'text', text: 'word '.repeat(50_000) }] }));
      expect(messageBytes(renderTeams(long))).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    });

    it('carries every piece of the answer content in the payload', () => {
      for (const answer of allSampleAnswers()) {
        const strings = allStrings(renderTeams(answer)).map(unescape).join('\n');
        for (const part of answer.parts) {
          const pieces =
            part.type === 'text'
              ? [part.text]
              : part.type === 'bullets'
                ? part.items
                : part.type === 'facts'
                  ? part.facts.flatMap((f) => [f.label, f.value])
                  : [...part.columns, ...part.rows.flatMap((r) => [r.dimension, ...r.values])];
          for (const piece of pieces) expect(strings).toContain(piece);
        }
      }
    });
  });

  describe('sla', () => {
    it('shows the figures in a FactSet and the source in a small subtle line', () => {
      const card = cardOf(renderTeams(createAnswer('sla')));
      const [factSet] = find(card, (n) => n.type === 'FactSet');
      expect(factSet.facts).toContainEqual({ title: 'Monthly Region-Level Availability SLA', value: '99.95%' });
      const source = find(card, (n) => n.type === 'TextBlock' && String(n.text).startsWith('Source:'));
      expect(source).toHaveLength(1);
      expect(source[0]).toMatchObject({ size: 'Small', isSubtle: true });
      expect(source[0].text).toContain('What are the availability SLAs');
    });
  });

  describe('compare', () => {
    it('lays the services side by side in a 1.5 Table on a full-width card', () => {
      const answer = createAnswer('compare');
      const card = cardOf(renderTeams(answer));
      expect(card.msteams).toEqual({ width: 'Full' });
      const [table] = find(card, (n) => n.type === 'Table');
      expect(table.firstRowAsHeaders).toBe(true);
      expect(table.columns).toHaveLength(3);
      const rowTexts = (table.rows as Json[]).map((r) => (r.cells as Json[]).map((c) => c.items[0].text));
      expect(rowTexts[0]).toEqual(['Aspect', 'Elastic Beanstalk', 'App Runner']);
      expect(rowTexts[1][0]).toBe('Scaling');
      expect(rowTexts[1][2]).toBe('Provides automatic scaling based on incoming traffic.');
      expect(rowTexts).toHaveLength(3);
    });

    it('shows an unknown value as a dash, never an empty cell', () => {
      const answer = createAnswer('compare', {
        parts: [{ type: 'comparison', columns: ['A', 'B'], rows: [{ dimension: 'Price', values: ['cheap', ''] }] }],
      });
      const activity = renderTeams(answer);
      expect(activityCardErrors(activity)).toEqual([]);
      expect(textBlocks(cardOf(activity))).toContain('—');
    });
  });

  describe('buttons', () => {
    it('makes follow-ups messageBack submits that show and send the question', () => {
      const card = cardOf(renderTeams(createAnswer('help')));
      const ask = submits(card).filter((a) => a.data.action === 'ask');
      expect(ask.map((a) => a.title)).toEqual(['SLA for EKS', 'Beanstalk vs App Runner']);
      expect(ask[0].data).toMatchObject({
        action: 'ask',
        question: 'SLA for EKS',
        msteams: { type: 'messageBack', text: 'SLA for EKS', displayText: 'SLA for EKS' },
      });
      expect(parseSubmitValue(ask[0].data)).toEqual({ action: 'ask', question: 'SLA for EKS' });
      expect(parseSubmitValue(ask[0].data.msteams.value)).toEqual({ action: 'ask', question: 'SLA for EKS' });
    });

    it('reads no value (a typed message) and foreign values as no click', () => {
      for (const value of [
        undefined,
        null,
        '',
        'text',
        42,
        {},
        { action: 'ask' },
        { action: 'delete', question: 'x' },
        '{"action":"ask"',
      ]) {
        expect(parseSubmitValue(value)).toBeUndefined();
      }
    });

    it('offers the "Did you mean" choices as buttons and no rating', () => {
      const card = cardOf(renderTeams(createAnswer('clarify')));
      expect(submits(card).map((a) => a.data.question)).toEqual(['SLA for EC2', 'SLA for ECS']);
      expect(find(card, (n) => n.id === FEEDBACK_SET_ID)).toEqual([]);
    });

    it('adds 👍/👎 submits carrying the vote, the answer id and the question', () => {
      const answer = createAnswer('sla');
      const card = cardOf(renderTeams(answer));
      const [set] = find(card, (n) => n.type === 'ActionSet' && n.id === FEEDBACK_SET_ID);
      expect(set.actions.map((a: Json) => parseSubmitValue(a.data))).toEqual([
        { action: 'feedback', vote: 'up', answerId: answer.id, question: answer.question },
        { action: 'feedback', vote: 'down', answerId: answer.id, question: answer.question },
      ]);
    });

    it('replaces the 👍/👎 buttons with a thank-you once a vote is in', () => {
      const activity = renderTeamsCard(createAnswer('sla'), { feedback: 'thanks' });
      const card = cardOf(activity);
      expect(submits(card).filter((a) => a.data.action === 'feedback')).toEqual([]);
      expect(textBlocks(card)).toContain(FEEDBACK_THANKS);
      expect(activityCardErrors(activity)).toEqual([]);
    });

    it('keeps every choice when there are more than fit in one ActionSet', () => {
      const choices = Array.from({ length: 12 }, (_, i) => ({ label: `Choice ${i}`, question: `question ${i}` }));
      const activity = renderTeams(createAnswer('clarify', { choices }));
      const card = cardOf(activity);
      const sets = find(card, (n) => n.type === 'ActionSet');
      expect(sets.every((s) => s.actions.length <= TEAMS_LIMITS.actionsPerSet)).toBe(true);
      expect(submits(card).map((a) => a.data.question)).toEqual(choices.map((c) => c.question));
      expect(activityCardErrors(activity)).toEqual([]);
    });

    it('shortens a long label but sends the whole question', () => {
      const question = `compare ${'very '.repeat(30)}long services`;
      const card = cardOf(renderTeams(createAnswer('help', { followUps: [{ label: question, question }] })));
      const [button] = submits(card);
      expect(button.title.length).toBeLessThanOrEqual(TEAMS_LIMITS.buttonTitle);
      expect(button.title.endsWith('…')).toBe(true);
      expect(button.data.question).toBe(question);
    });
  });

  describe('escaping', () => {
    it('shows markdown typed by a user literally instead of rendering a link or bold text', () => {
      const evil = 'see [click here](https://evil.example) and **boss** `code` _x_';
      const answer = createAnswer('not-found', {
        question: evil,
        parts: [{ type: 'text', text: `The knowledge base has nothing on ${evil}.` }],
      });
      const activity = renderTeams(answer);
      const blocks = textBlocks(cardOf(activity));
      const body = blocks.find((t) => t.includes('nothing on'))!;
      expect(body).toContain('\\[click here\\](https://evil.example)');
      expect(body).toContain('\\*\\*boss\\*\\*');
      expect(body).toContain('\\`code\\`');
      expect(body).toContain('\\_x\\_');
      expect(blocks.some((t) => /(^|[^\\])\[[^\]]*\]\(/.test(t))).toBe(false);
      expect(activityCardErrors(activity)).toEqual([]);
    });

    it('leaves identifiers with underscores readable', () => {
      const card = cardOf(renderTeams(createAnswer('lookup', { parts: [{ type: 'text', text: 'key on user_id' }] })));
      expect(textBlocks(card)).toContain('key on user_id');
    });

    it('escapes SSML in speak', () => {
      const card = cardOf(renderTeams(createAnswer('lookup', { title: 'R&D <b>"x"</b>' })));
      expect(card.speak).toBe('R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    });
  });

  describe('size', () => {
    const big = (n: number, len: number): Part[] =>
      Array.from({ length: n }, (_, i) => ({ type: 'text' as const, text: `Section ${i}: ${'word '.repeat(len / 5)}` }));

    it('drops trailing parts of a too-long answer with a visible notice', () => {
      const answer = createAnswer('lookup', { parts: big(40, 3000) });
      const activity = renderTeams(answer);
      expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      expect(activityCardErrors(activity)).toEqual([]);
      const blocks = textBlocks(cardOf(activity));
      expect(blocks.some((t) => t.startsWith('Section 0:'))).toBe(true);
      expect(blocks.some((t) => t.startsWith('Section 39:'))).toBe(false);
      expect(blocks.find((t) => t.includes('Answer shortened'))).toMatch(/\d+ of 40 sections shown/);
    });

    it('cuts a single huge part short and says so', () => {
      const answer = createAnswer('lookup', { parts: big(1, 200_000) });
      const activity = renderTeams(answer);
      expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      expect(messageBytes(activity)).toBeGreaterThan(TEAMS_LIMITS.cardBytes * 0.8);
      const blocks = textBlocks(cardOf(activity));
      expect(blocks.some((t) => t.startsWith('Section 0:') && t.endsWith('…'))).toBe(true);
      expect(blocks.find((t) => t.includes('Answer shortened'))).toContain('1 of 1 sections shown, the last one cut short');
    });

    it('keeps the rows of a huge comparison that fit', () => {
      const rows = Array.from({ length: 400 }, (_, i) => ({ dimension: `Row ${i}`, values: ['x'.repeat(100), 'y'.repeat(100)] }));
      const activity = renderTeams(createAnswer('compare', { parts: [{ type: 'comparison', columns: ['A', 'B'], rows }] }));
      expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      expect(activityCardErrors(activity)).toEqual([]);
      const [table] = find(cardOf(activity), (n) => n.type === 'Table');
      expect(table.rows.length).toBeGreaterThan(10);
      expect(table.rows.length).toBeLessThan(401);
    });

    it('leaves an answer that fits untouched', () => {
      const blocks = textBlocks(cardOf(renderTeams(createAnswer('compare'))));
      expect(blocks.some((t) => t.includes('Answer shortened'))).toBe(false);
    });
  });

  describe('random answers', () => {
    const alphabet = [
      'a',
      'B',
      ' ',
      ' ',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '`',
      '\\',
      '<at>',
      '</at>',
      '&amp;',
      '\n',
      '#',
      '-',
      '1.',
      '😀',
      'é',
      '中',
      '"',
      "'",
      '{',
      '}',
      '%',
      '99.95',
    ];

    it('renders 300 random answers as valid cards within the size budget', () => {
      const r = prng(42);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
      const str = (max: number): string => Array.from({ length: Math.floor(r() * max) }, () => pick(alphabet)).join('');
      const part = (): Part => {
        const type = pick(['text', 'bullets', 'facts', 'comparison'] as const);
        const heading = r() < 0.5 ? str(20) : undefined;
        if (type === 'text') return { type, text: str(r() < 0.05 ? 20_000 : 200) };
        if (type === 'bullets') return { type, heading, items: Array.from({ length: Math.floor(r() * 8) }, () => str(60)) };
        if (type === 'facts')
          return { type, heading, facts: Array.from({ length: Math.floor(r() * 8) }, () => ({ label: str(30), value: str(60) })) };
        const columns = Array.from({ length: 1 + Math.floor(r() * 5) }, () => str(15));
        return {
          type,
          heading,
          columns,
          rows: Array.from({ length: Math.floor(r() * 10) }, () => ({ dimension: str(20), values: columns.map(() => str(80)) })),
        };
      };
      for (let i = 0; i < 300; i += 1) {
        const kind = pick(ANSWER_KINDS);
        const suggestions = Array.from({ length: Math.floor(r() * 4) }, () => ({ label: str(80), question: str(200) }));
        const answer = createAnswer(kind, {
          title: str(120),
          question: str(r() < 0.1 ? 4000 : 100),
          parts: Array.from({ length: Math.floor(r() * 6) }, part),
          followUps: suggestions,
          sources: r() < 0.5 ? [{ file: 'aws-qa.md', section: str(50), line: 3 }] : [],
          ...(kind === 'clarify' ? { choices: suggestions } : {}),
        } as Partial<Answer> as never);
        const activity = renderTeams(answer);
        const errors = activityCardErrors(activity);
        if (errors.length) throw new Error(`answer ${i}: ${errors.join('; ')}\n${JSON.stringify(answer).slice(0, 500)}`);
        expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      }
    });
  });
});
