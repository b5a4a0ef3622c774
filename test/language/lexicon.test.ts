/**
 * One lexicon: every English word list lives in `src/language/lexicon/`, each word listed once
 * per list, and the core that reads questions and knowledge declares no list of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as lexicon from '../../src/language/lexicon';
import { phraseList, wordMap, wordSet } from '../../src/language/lexicon/word-list';

const SRC = join(__dirname, '..', '..', 'src');
const LEXICON = join(SRC, 'language', 'lexicon');
/** The folders of the core that read words (the store's lists are ids, not words). */
const WORD_READERS = ['read', 'router', 'answer', 'text', 'language', 'conversation', 'search', 'knowledge'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === LEXICON ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** How a word list is written: a set of quoted words, a split literal, or three or more quoted lower-case words in a row. */
const WORD_LIST = [
  /new Set\(\s*\[?\s*'/,
  /new Map\(\s*\[\s*\[\s*'[a-z]/,
  /[a-z] [a-z]+'\s*\)\s*\.split\(/,
  /\[\s*'[a-z][a-z' -]*'(?:\s*,\s*'[a-z][a-z' -]*'){2,}/,
];

describe('the lexicon', () => {
  it('refuses a word, phrase or key listed twice in one list, naming it', () => {
    expect(() => wordSet('TEST', 'a b c b')).toThrow('"b" is listed twice in TEST');
    expect(() => phraseList('TEST', ['how to', 'how do i', 'how to'])).toThrow('"how to" is listed twice in TEST');
    expect(() =>
      phraseList('TEST', [
        ['how', 'many'],
        ['how', 'many'],
      ]),
    ).toThrow('"how many" is listed twice in TEST');
    expect(() =>
      wordMap('TEST', [
        ['db', 1],
        ['db', 2],
      ]),
    ).toThrow('"db" is listed twice in TEST');
    expect([...wordSet('TEST', ' a  b\nc ')]).toEqual(['a', 'b', 'c']);
  });

  it('holds every list once, each word once (it loads), the lists the issue found drifting fixed', () => {
    expect(lexicon.ADVICE_PHRASES.filter((p) => p === 'exceeds')).toHaveLength(1);
    expect([...lexicon.COMPARE_WORDS].filter((w) => lexicon.GENERIC_WORDS.has(w))).toEqual([]);
    expect(lexicon.STOP_WORDS.has('get')).toBe(true);
    expect(lexicon.FUNCTION_WORDS.has('the')).toBe(true);
  });

  it('is the only place in the core that declares a word list', () => {
    const files = WORD_READERS.flatMap((dir) => tsFiles(join(SRC, dir)));
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return WORD_LIST.filter((re) => re.test(text)).map((re) => `${relative(SRC, file)}: ${re.source}`);
    });
    expect(found).toEqual([]);
  });
});
