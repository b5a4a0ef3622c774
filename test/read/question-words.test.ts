/** The question's words read once: one ordered list of word records, every view derived from it. */
import { normalizeQuestion } from '../../src/read/normalize';
import type { QuestionWord } from '../../src/read/question-words';
import { contentStems } from '../../src/text/tokens';
import { routerContext } from '../helpers/router-context';

const read = (q: string) => routerContext().reader.read(normalizeQuestion(q));
const roles = (q: string) => read(q).words.list.map((w) => `${w.text}:${w.role}`);
const texts = (list: readonly QuestionWord[], keep: (w: QuestionWord) => boolean) => list.filter(keep).map((w) => w.text);

describe("the question's words", () => {
  it('gives every word one role, in order: service, stop, facet, cue, generic, quantity or content', () => {
    expect(roles("Can Lambda's memory limit exceed 10 GB for a Terraform job?")).toEqual([
      'can:stop',
      'lambda:service',
      's:stop',
      'memory:content',
      'limit:facet',
      'exceed:content',
      '10:quantity',
      'gb:quantity',
      'for:stop',
      'a:stop',
      'terraform:content',
      'job:content',
    ]);
    expect(roles('is EKS 99.95% available vs the 300 second timeout')).toEqual([
      'is:stop',
      'eks:service',
      '99.95:facet',
      'available:generic',
      'vs:cue',
      'the:stop',
      '300:quantity',
      'second:quantity',
      'timeout:facet',
    ]);
  });

  it('reads a negative contraction as a function word, with or without its apostrophe: never content, never a subject', () => {
    for (const q of ["Why doesn't Lambda run longer than 15 minutes?", 'Why doesnt Lambda run longer than 15 minutes?']) {
      const u = read(q);
      expect(u.words.content).toEqual(['longer']);
      expect(u.words.subjects).toEqual([]);
    }
    expect(roles("I haven't found it and it isn't there")).toEqual(expect.arrayContaining(['haven:function', 'isn:function']));
  });

  it('reads the frame of a quiz question (true/false, which of the following) as words that name no subject', () => {
    expect(read('AWS Lambda requires you to manually manage server scaling. True/False').words.content).not.toEqual(
      expect.arrayContaining(['true']),
    );
    expect(roles('Which of the following statements about Lambda is correct?')).toEqual(
      expect.arrayContaining(['following:generic', 'statements:generic', 'correct:generic']),
    );
    expect(read('True or false: Lambda scales automatically').words.unknown).toEqual([]);
  });

  it('reads a chat abbreviation the knowledge base does not use as its full word, never as a subject', () => {
    const u = read('With Elastic Beanstalk can you deploy from a repo with code?');
    expect(u.words.content).toContain('repository');
    expect(u.words.subjects).toEqual([]);
    expect(read('where do the params go').words.content).toContain('parameters');
  });

  it('marks what the reading found of a word on its record: unknown, subject, modifier, figure', () => {
    const { list } = read("Can Lambda's memory limit exceed 10 GB for a Terraform job?").words;
    expect(texts(list, (w) => w.unknown)).toEqual(['terraform']);
    expect(texts(list, (w) => w.subject)).toEqual(['terraform']);
    expect(texts(list, (w) => w.modifier)).toEqual(['memory']);
    expect(texts(read('is EKS 99.95% available').words.list, (w) => w.figure)).toEqual(['99.95']);
  });

  it("holds both readings of a word: the knowledge base's word if it does not use the user's, and the synonym always", () => {
    const video = read('does dynamodb support streaming video').words.list.find((w) => w.text === 'video');
    expect(video?.synonym).toBe('movies');
    const pics = read('can dynamo db hold pics').words.list.find((w) => w.synonym === 'images');
    expect(pics?.text).toBe('images');
  });

  it('derives every view from the one list, so no two can disagree', () => {
    for (const q of [
      "Can Lambda's memory limit exceed 10 GB for a Terraform job?",
      'how do I compare photos on app runner',
      'SLA for EKS',
    ]) {
      const { words } = read(q);
      const { list } = words;
      expect(words.texts).toEqual(list.map((w) => w.text));
      expect(words.content).toEqual(texts(list, (w) => w.role === 'content'));
      expect(words.matchable).toEqual(texts(list, (w) => w.role === 'content' || w.role === 'facet'));
      expect(words.unknown).toEqual(texts(list, (w) => w.unknown));
      expect(words.subjects.every((s) => words.unknown.includes(s))).toBe(true);
      expect(words.unknown.every((s) => words.content.includes(s))).toBe(true);
      expect(words.contentStems).toEqual(contentStems(words.content.join(' ')));
      expect(words.matchableStems).toEqual(contentStems(words.matchable.join(' ')));
      expect(words.knownStems).toEqual(contentStems(texts(list, (w) => w.role === 'content' && !w.unknown).join(' ')));
    }
  });

  it('computes a view once per reading', () => {
    const { words } = read('how do I compare photos on app runner');
    expect(words.contentStems).toBe(words.contentStems);
    expect(words.texts).toBe(words.texts);
  });
});
