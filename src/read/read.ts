/**
 * Reads a normalized question into what the intents need: the services it names (exact or
 * fuzzy), products outside AWS, the facets it asks about, cue flags, and its words, each read
 * once with its role (`question-words.ts`: the content words, the unknown ones, the subjects, …
 * are views of that one list).
 */
import JaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance');
import type { Entity } from '../knowledge/entities';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { PassageIndex } from '../search/build-index';
import { lunrTerm } from '../search/build-index';
import { letterCounts, similarityBound } from '../text/similarity-bound';
import { plainWords } from '../text/tokens';
import { uniqueBy } from '../util/unique-by';
import { appendTo } from '../util/append-to';
import { LruMap } from '../util/lru-map';
import { LIMITS_FACET, PRICING_FACET, SLA_FACET } from '../knowledge/facet-ids';
import { isEnglishWord, isNoun } from '../language/english';
import { askedDimension, isUnitWord, quantities, type Dimension, type Quantity } from '../language/units';
import {
  ADVICE_PHRASES,
  ALL_WORDS,
  AMOUNT_PHRASES,
  PERIOD_PHRASES,
  ABBREVIATIONS,
  AMOUNT_WORDS,
  COMPARE_WORDS,
  COUNT_PHRASES,
  DEFINITION_STARTS,
  GENERIC_WORDS,
  HELP_WORDS,
  IMPORTANCE_WORDS,
  INCLUSIVE_BOUND,
  LIST_WORDS,
  MONEY_WORDS,
  NEGATION_WORDS,
  OBJECT_PREPOSITIONS,
  RECOMMEND_STRONG,
  RECOMMEND_WORDS,
  SUPERLATIVE_ASC,
  SUPERLATIVE_DESC,
  YES_NO_STARTERS,
  FUNCTION_WORDS,
  STOP_WORDS,
  SYNONYMS,
} from '../language/lexicon';
import { EntityFinder } from './entities';
import { QuestionWords, type QuestionWord, type WordRole } from './question-words';

export interface Understood {
  /** The normalized question. */
  text: string;
  /** Its words, read once: each with its role and what the reading found of it; every view of them comes from here. */
  words: QuestionWords;
  /** In-scope services named, in order of mention, each once. */
  entities: Entity[];
  /** Whether every in-scope service was named exactly (no typo correction). */
  exact: boolean;
  /** Products outside AWS that the question names. */
  outside: Entity[];
  /** A typo equally close to two services. */
  ambiguous?: { text: string; candidates: Entity[] };
  /** Facet ids the question asks about (`sla`, `pros`, `limits`, …). */
  facets: string[];
  /** Quantities written in the question ("30-minute"), and the dimension it asks about. */
  quantities: Quantity[];
  dimension?: Dimension;
  /** Words that mark the question's kind. */
  cues: {
    compare: boolean;
    recommend: boolean;
    help: boolean;
    all: boolean;
    amount: boolean;
    money: boolean;
    /** A yes/no question ("Can I…", "Is…"). */
    yesNo: boolean;
    /** Asks what something is ("what is container orchestration?"), with no word asking for a recommendation. */
    definition: boolean;
    /** A stated problem or a request for advice ("too big… what now", "how do I"). */
    advice: boolean;
    /** A superlative: smallest (`asc`) or largest (`desc`) first. */
    superlative?: 'asc' | 'desc';
    /** Asks for what is absent ("publish no SLA"). */
    negation: boolean;
    /** Aspects asked as absent: a negation word at most two words before the aspect word ("no published SLA"). */
    negated: string[];
    /** Asks for every match ("which of these…", "list …"). */
    list: boolean;
    /** What a count question counts ("how many read replicas" → `replicas`): the last word before a function word. */
    counted?: string;
  };
}

/** A percentage with decimals between 90 and 100 (`99.95`, `99.999`): how SLAs are written. */
function isAvailabilityFigure(word: string): boolean {
  if (!/^\d{2,3}\.\d+$/.test(word)) return false;
  const value = Number(word);
  return value >= 90 && value <= 100;
}

/**
 * Words written with a capital inside a sentence ("SLA for Glacier"): how a product is named.
 * The first word of each sentence is left out (every sentence starts with a capital).
 */
function writtenAsNames(text: string): Set<string> {
  const out = new Set<string>();
  const parts = text.split(/\s+/);
  parts.forEach((part, i) => {
    const sentenceStart = i === 0 || /[.!?:]$/.test(parts[i - 1]);
    if (!sentenceStart && /\p{Lu}/u.test(part)) for (const w of plainWords(part)) out.add(w);
  });
  return out;
}

/** The full word of a chat abbreviation that stands for one word (`repo` → `repository`); the word otherwise. */
function fullWord(w: string): string {
  const full = ABBREVIATIONS.get(w);
  return full && !full.includes(' ') ? full : w;
}

/** A number with its unit in one word (`30-minute`, `400kb`): read by `quantities`, not a subject. */
function isQuantityWord(word: string): boolean {
  return /^\d/.test(word) && quantities(word).length > 0;
}

/** Similarity a misspelt facet word needs to its intended word. */
const FACET_TYPO_SIMILARITY = 0.92;

/** Words of a question that are read; chat questions are far shorter, and this bounds the work on pasted text. */
export const MAX_QUESTION_WORDS = 200;

export class QuestionReader {
  private readonly finder: EntityFinder;
  private readonly facetWords = new Map<string, string[]>();
  /**
   * The facet words with their facets and letter counts (for the cheap bound that skips most
   * Jaro-Winkler computations), as a list: the typo scan walks it for every unknown word, and a
   * list's walk allocates nothing (a map's entries allocate a pair each).
   */
  private readonly facetWordList: { word: string; ids: string[]; counts: Uint16Array }[] = [];
  /** Facet phrases of several words, by their first word; `order` is the phrase's place in the catalog. */
  private readonly facetPhrases = new Map<string, { phrase: string[]; facet: string; order: number }[]>();

  /**
   * Facets' acronyms, lower case, with the facet: a word the facet's title writes in capitals
   * ("availability SLA"). A question may spell one out ("service level agreement"): words whose
   * initials are the acronym read as the facet.
   */
  private readonly acronyms: { letters: string; facet: string; order: number }[] = [];
  /** Whether the catalog has an `sla` facet (a figure like `99.99` then asks about it). */
  private readonly hasSla: boolean;
  private readonly facetsById: KnowledgeBase['facets'];
  /** A user's word → the word it stands for (the lexicon's `SYNONYMS`, then `services.yml` `synonyms`). */
  private readonly synonyms = new Map<string, string>(SYNONYMS);
  /** Words that carry no subject: the lexicon's generic words and the knowledge base's `domainWords`. */
  private readonly generic: ReadonlySet<string>;

  constructor(
    kb: KnowledgeBase,
    private readonly index: PassageIndex,
  ) {
    this.hasSla = SLA_FACET in kb.facets;
    this.facetsById = kb.facets;
    this.generic = new Set([...GENERIC_WORDS, ...(kb.domainWords ?? []).flatMap((w) => plainWords(w))]);
    for (const [word, users] of Object.entries(kb.synonyms ?? {}))
      for (const u of users) for (const w of plainWords(u)) this.synonyms.set(w, plainWords(word).join(' '));
    let phraseCount = 0;
    for (const [id, f] of Object.entries(kb.facets)) {
      for (const ask of f.ask) {
        const ws = plainWords(ask);
        if (ws.length === 1) appendTo(this.facetWords, ws[0], id);
        else if (ws.length > 1) appendTo(this.facetPhrases, ws[0], { phrase: ws, facet: id, order: phraseCount++ });
      }
    }
    for (const [word, ids] of this.facetWords) this.facetWordList.push({ word, ids, counts: letterCounts(word) });
    for (const [id, f] of Object.entries(kb.facets))
      for (const word of f.title.split(/\s+/)) {
        const acronym = ACRONYM.exec(word)?.[1];
        if (acronym) this.acronyms.push({ letters: acronym.toLowerCase(), facet: id, order: phraseCount++ });
      }
    this.finder = new EntityFinder(kb.registry, (w) => this.isKnownWord(w));
  }

  /**
   * Facets of a misspelt facet word ("availabilty", "slaa"): only for words of 4+ letters that the
   * knowledge base does not use itself, by Jaro-Winkler similarity, like service names.
   */
  private facetTypo(w: string): string[] | undefined {
    if (w.length < 4 || STOP_WORDS.has(w) || this.isKnownWord(w)) return undefined;
    let best: { ids: string[]; score: number } | undefined;
    const counts = letterCounts(w);
    for (const { word, ids, counts: wordCounts } of this.facetWordList) {
      // A 3-letter facet word ("sla") only as the start of the typo ("slaa"), never "con" for "cron".
      if (word.length < 3 || (word.length === 3 && !w.startsWith(word)) || Math.abs(word.length - w.length) > 2) continue;
      if (similarityBound(w, counts, word, wordCounts) < FACET_TYPO_SIMILARITY) continue;
      const score = JaroWinklerDistance(w, word);
      if (score >= FACET_TYPO_SIMILARITY && (!best || score > best.score)) best = { ids, score };
    }
    return best?.ids;
  }

  private isKnownWord(w: string): boolean {
    if (this.facetWords.has(w) || COMPARE_WORDS.has(w) || this.generic.has(w) || HELP_WORDS.has(w) || ALL_WORDS.has(w)) return true;
    const t = lunrTerm(w);
    return t !== undefined && this.index.vocabulary.has(t);
  }

  /**
   * Hyphenated words the knowledge base does not use whole are read as their parts
   * ("spring-data-dynamodb" names DynamoDB); names written with a hyphen ("app-runner") stay whole.
   */
  private splitCompounds(tokens: string[]): string[] {
    return tokens.flatMap((w) => {
      if (!w.includes('-') || /^\d/.test(w) || this.isKnownWord(w) || this.isKnownWord(w.replace(/-/g, '')) || this.finder.isAlias(w))
        return [w];
      return w.split('-').filter(Boolean);
    });
  }

  /**
   * Two words the knowledge base writes as one ("fail over" → `failover`, "time out" → `timeout`,
   * "data base" → `database`) are read as that word: the first is no stop word, and the joined word
   * is one the knowledge base uses (not the first word's plural: "lambda s"), and neither the
   * first word nor the pair is a name.
   */
  private joinCompounds(tokens: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const [w, next] = [tokens[i], tokens[i + 1]];
      const joined = next === undefined ? '' : w + next;
      if (
        next !== undefined &&
        /^[a-z]+$/.test(w) &&
        /^[a-z]+$/.test(next) &&
        !STOP_WORDS.has(w) &&
        !FUNCTION_WORDS.has(w) &&
        next.length > 1 &&
        lunrTerm(joined) !== lunrTerm(w) &&
        this.index.vocabulary.has(lunrTerm(joined) ?? '') &&
        !this.finder.isAlias(w) &&
        !this.finder.isAlias(`${w} ${next}`)
      ) {
        out.push(joined);
        i += 1;
      } else out.push(w);
    }
    return out;
  }

  /** The knowledge base's word for a user's word (`photos` → `images`); the word otherwise. */
  private synonym(w: string): string {
    return this.synonyms.get(w) ?? w;
  }

  /** Whether `text` names the entity `id` (exactly or by a typo), as a question would. */
  names(text: string, id: string): boolean {
    let memo = this.namesMemo.get(text);
    if (!memo) {
      memo = new Set(this.finder.find(plainWords(text)).mentions.map((m) => m.entity.id));
      this.namesMemo.set(text, memo);
    }
    return memo.has(id);
  }

  /** The entities each entry question names (as many as the knowledge base has questions, bounded all the same). */
  private readonly namesMemo = new LruMap<string, Set<string>>(10_000);

  read(text: string): Understood {
    const plain = this.joinCompounds(this.splitCompounds(plainWords(text))).slice(0, MAX_QUESTION_WORDS);
    // A user's word the knowledge base does not use is read as the word it uses ("photos" → "images"),
    // a chat abbreviation as its full word when that is one word ("repo" → "repository").
    const tokens = plain.map((w) => (this.isKnownWord(w) ? w : this.synonym(fullWord(w))));
    const names = this.nameMentions(tokens);
    const aspects = this.aspects(tokens, names.entityWords);
    const roles = wordRoles(tokens, names.entityWords, aspects.positions, this.generic);
    const modifierAt = modifierPositions(tokens, roles, names.entityWords, aspects);
    const askedAt = askedPositions(tokens, roles);
    const isSubject = subjectTest(text, tokens, aspects.positions, names.ambiguous);
    let contentCount = 0;
    const list = tokens.map((w, i): QuestionWord => {
      const role = roles[i];
      if (role === 'content') contentCount += 1;
      const unknown = role === 'content' && !this.inVocabulary(w);
      return {
        text: w,
        synonym: this.synonym(plain[i]),
        role,
        unknown,
        subject: unknown && isSubject(w),
        modifier: modifierAt.has(i),
        asked: askedAt.has(i),
        figure: FIGURE.test(w) && w.includes('.'),
      };
    });
    const words = new QuestionWords(list);
    const qs = quantities(text);
    // A figure with a unit of time or size ("a 30-minute job") asks about a limit.
    if (qs.length > 0 && LIMITS_FACET in this.facetsById) aspects.facets.add(LIMITS_FACET);
    return {
      text,
      words,
      entities: names.entities,
      exact: names.exact,
      outside: names.outside,
      ambiguous: names.ambiguous,
      facets: [...aspects.facets],
      cues: this.cues(text, tokens, names, aspects, contentCount),
      quantities: qs,
      dimension: askedDimension(text, qs),
    };
  }

  /** Whether the knowledge base uses the word (a word Lunr indexes no term of counts as used). */
  private inVocabulary(w: string): boolean {
    // A chat abbreviation is known when its full words are ("repo": `repository`), as content matching reads it.
    const full = ABBREVIATIONS.get(w);
    if (full !== undefined) return full.split(' ').every((x) => this.inVocabulary(x));
    const t = lunrTerm(w);
    return t === undefined || this.index.vocabulary.has(t);
  }

  /** The services a question names (exactly or through a typo), in and out of scope, and the positions of their words. */
  private nameMentions(tokens: string[]): Names {
    const scanned = this.finder.find(tokens);
    // A name spelt by function words alone ("I am" → IAM) is not a mention.
    const mentions = scanned.mentions.filter((m) => tokens.slice(m.start, m.end).some((w) => !FUNCTION_WORDS.has(w)));
    const entityWords = new Set<number>();
    for (const m of mentions) for (let k = m.start; k < m.end; k += 1) entityWords.add(k);
    const inScope = mentions.filter((m) => !m.entity.outOfScope);
    return {
      mentions: mentions.length,
      entityWords,
      entities: uniqueBy(
        inScope.map((m) => m.entity),
        (e) => e.id,
      ),
      outside: uniqueBy(
        mentions.filter((m) => m.entity.outOfScope).map((m) => m.entity),
        (e) => e.id,
      ),
      exact: inScope.every((m) => m.exact),
      ambiguous: scanned.ambiguous,
    };
  }

  /** The facets asked: phrases first (taken in catalog order: the order shows in answer titles), then single words and their typos. */
  private aspects(tokens: string[], entityWords: ReadonlySet<number>): Aspects {
    const facets = new Set<string>();
    const positions = new Set<number>();
    const phrases: Aspects['phrases'] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      for (const { phrase, facet, order } of this.facetPhrases.get(tokens[i]) ?? []) {
        if (i + phrase.length > tokens.length) continue;
        let all = true;
        for (let k = 1; k < phrase.length && all; k += 1) all = tokens[i + k] === phrase[k];
        if (all) phrases.push({ order, at: i, facet, length: phrase.length });
      }
    }
    for (const { letters, facet, order } of this.acronyms)
      for (const at of spelledOut(tokens, letters)) phrases.push({ order, at, facet, length: letters.length });
    for (const { at, facet, length } of phrases.sort((a, b) => a.order - b.order || a.at - b.at)) {
      facets.add(facet);
      for (let k = 0; k < length; k += 1) positions.add(at + k);
    }
    const wordPositions = new Set<number>();
    tokens.forEach((w, i) => {
      // A word inside a facet phrase ("good" in "good for") is read as the phrase only.
      if (entityWords.has(i) || positions.has(i)) return;
      const ids = this.facetWords.get(w) ?? this.facetTypo(w);
      if (ids) {
        ids.forEach((id) => facets.add(id));
        positions.add(i);
        wordPositions.add(i);
      }
      // An availability figure ("is EC2 99.999?", "99.95% for eks?") asks about the SLA.
      else if (this.hasSla && isAvailabilityFigure(w)) {
        facets.add(SLA_FACET);
        positions.add(i);
      }
    });
    return { facets, positions, wordPositions, phrases };
  }

  /** The cue flags (the lexicon's, `language/lexicon/cues.ts`) of a question. */
  private cues(text: string, tokens: string[], names: Names, aspects: Aspects, residualCount: number): Understood['cues'] {
    const lower = ` ${tokens.join(' ')} `;
    const has = (s: ReadonlySet<string>): boolean => tokens.some((w, i) => !names.entityWords.has(i) && s.has(w));
    const money = has(MONEY_WORDS) || aspects.facets.has(PRICING_FACET);
    const negatedAt = (i: number): boolean => [1, 2, 3].some((d) => NEGATION_WORDS.has(tokens[i - d] ?? ''));
    return {
      compare: has(COMPARE_WORDS),
      recommend: has(RECOMMEND_WORDS),
      // No service, no facet, no subject word: a greeting, "help", "what can you do?", "how do I use you".
      help: names.mentions === 0 && residualCount === 0 && aspects.facets.size === 0 && !names.ambiguous,
      all: has(ALL_WORDS),
      // A money word with a unit to count it in ("price per vCPU hour") asks for an amount.
      amount:
        (money && (has(AMOUNT_WORDS) || lower.includes(' per ') || AMOUNT_SPACED.some((p) => lower.includes(p)))) ||
        (lower.includes(' how much ') && PERIOD_SPACED.some((p) => lower.includes(p))) ||
        /[$€£]\s*\d|\d\s*(?:usd|dollars?|cents?)\b/.test(text.toLowerCase()),
      money,
      yesNo: YES_NO_STARTERS.has(tokens[0] ?? ''),
      definition: definitionStart(tokens) !== undefined && !has(RECOMMEND_STRONG),
      advice: ADVICE_SPACED.some((p) => lower.includes(p)),
      superlative: superlativeOf(tokens, names.entityWords, aspects),
      negation: has(NEGATION_WORDS),
      negated: aspects.phrases
        .filter((f) => negatedAt(f.at))
        .map((f) => f.facet)
        .concat(tokens.flatMap((w, i) => (aspects.wordPositions.has(i) && negatedAt(i) ? (this.facetWords.get(w) ?? []) : []))),
      list: has(LIST_WORDS) && !has(RECOMMEND_STRONG),
      counted: countedWord(tokens),
    };
  }
}

/** A phrase list with a space on each side of every phrase, made once: `cues` looks for them as whole words in ` ${tokens} `. */
const spaced = (phrases: readonly string[]): readonly string[] => phrases.map((p) => ` ${p} `);
const AMOUNT_SPACED = spaced(AMOUNT_PHRASES);
const PERIOD_SPACED = spaced(PERIOD_PHRASES);
const ADVICE_SPACED = spaced(ADVICE_PHRASES);

/**
 * The word a count question counts: after a count phrase (the lexicon's), the last of the words that
 * follow it up to the next function word ("how many read replicas can …" → `replicas`).
 */
function countedWord(tokens: readonly string[]): string | undefined {
  for (const phrase of COUNT_PHRASES) {
    const at = tokens.findIndex((_, i) => phrase.every((w, k) => tokens[i + k] === w));
    if (at < 0) continue;
    let last: string | undefined;
    for (let i = at + phrase.length; i < tokens.length && !FUNCTION_WORDS.has(tokens[i]); i += 1) last = tokens[i];
    if (last !== undefined) return last;
  }
  return undefined;
}

/** What `QuestionReader` finds of the services a question names. */
interface Names {
  mentions: number;
  entityWords: Set<number>;
  entities: Entity[];
  outside: Entity[];
  exact: boolean;
  ambiguous?: { text: string; candidates: Entity[] };
}

/** The facets a question asks, where their words stand, and the facet phrases found (for negations). */
/** A word written as an acronym: 2 to 6 capitals, optionally a plural `s` ("SLA", "SLAs"). */
const ACRONYM = /^([A-Z]{2,6})s?$/;

/**
 * Where `tokens` spell out the acronym `letters` (lower case): as many consecutive words as it has
 * letters, each starting with its letter, none a function word ("service level agreement" for
 * `sla`). Linear in the question's words.
 */
function spelledOut(tokens: string[], letters: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + letters.length <= tokens.length; i += 1) {
    let all = true;
    for (let k = 0; k < letters.length && all; k += 1) {
      const w = tokens[i + k];
      all = w.length > 1 && w[0] === letters[k] && !FUNCTION_WORDS.has(w);
    }
    if (all) out.push(i);
  }
  return out;
}

interface Aspects {
  facets: Set<string>;
  positions: Set<number>;
  /** Positions of single facet words (not phrases): only these take a modifier ("memory limit"). */
  wordPositions: Set<number>;
  phrases: { order: number; at: number; facet: string; length: number }[];
}

/** A figure as the question writes it (`99.5`, `99.95%`, `300`). */
const FIGURE = /^\d+(?:\.\d+)?%?$/;

/** What each word is to the reading (see {@link WordRole}: the first role that applies). */
function wordRoles(
  tokens: string[],
  entityWords: ReadonlySet<number>,
  facetPositions: ReadonlySet<number>,
  generic: ReadonlySet<string>,
): WordRole[] {
  return tokens.map((w, i): WordRole => {
    if (entityWords.has(i)) return 'service';
    if (STOP_WORDS.has(w)) return 'stop';
    if (facetPositions.has(i)) return 'facet';
    if (
      COMPARE_WORDS.has(w) ||
      RECOMMEND_WORDS.has(w) ||
      HELP_WORDS.has(w) ||
      ALL_WORDS.has(w) ||
      AMOUNT_WORDS.has(w) ||
      MONEY_WORDS.has(w)
    )
      return 'cue';
    if (generic.has(w)) return 'generic';
    // "the main benefits", "key features": ranks what is asked, does not say which (`IMPORTANCE_WORDS`).
    if (IMPORTANCE_WORDS.has(w) && (facetPositions.has(i + 1) || generic.has(tokens[i + 1]))) return 'generic';
    if (FUNCTION_WORDS.has(w)) return 'function';
    if (/^\d+$/.test(w) || isQuantityWord(w)) return 'quantity';
    // The unit of a figure ("300 second limit") belongs to the quantity, not the content.
    if (isUnitWord(w) && /^\d/.test(tokens[i - 1] ?? '')) return 'quantity';
    return 'content';
  });
}

/**
 * Whether an unknown word may name what the knowledge base lacks: not English (WordNet), written
 * with digits or dots, with a capital inside a sentence, or the word an aspect is asked of ("SLA
 * for Glacier": the word after for/of/on right after an aspect word). Never the typo being
 * clarified. What it needs of the question is read on first use (most questions have no unknown word).
 */
function subjectTest(
  text: string,
  tokens: string[],
  facetPositions: ReadonlySet<number>,
  ambiguous: Names['ambiguous'],
): (w: string) => boolean {
  let seen: { ambiguousWords: Set<string>; objects: Set<string>; named: Set<string> } | undefined;
  return (w) => {
    seen ??= {
      ambiguousWords: new Set(ambiguous ? plainWords(ambiguous.text) : []),
      objects: new Set(tokens.filter((_, i) => i >= 2 && facetPositions.has(i - 2) && OBJECT_PREPOSITIONS.has(tokens[i - 1]))),
      named: writtenAsNames(text),
    };
    return !seen.ambiguousWords.has(w) && (/[\d.]/.test(w) || !isEnglishWord(w) || seen.named.has(w) || seen.objects.has(w));
  };
}

/**
 * The superlative a question asks for ("lowest", "the most"), if any: smallest first (`asc`) or
 * largest first (`desc`). "at least" and "at most" bound a figure (`figure-bound.ts`), and a word of
 * an aspect's phrase ("what is Glue **best** for") names the aspect: they rank nothing.
 */
function superlativeOf(tokens: readonly string[], entityWords: ReadonlySet<number>, aspects: Aspects): 'asc' | 'desc' | undefined {
  const inPhrase = (i: number): boolean => aspects.positions.has(i) && !aspects.wordPositions.has(i);
  const has = (s: ReadonlySet<string>): boolean =>
    tokens.some((w, i) => !entityWords.has(i) && s.has(w) && tokens[i - 1] !== INCLUSIVE_BOUND.at && !inPhrase(i));
  return has(SUPERLATIVE_ASC) ? 'asc' : has(SUPERLATIVE_DESC) ? 'desc' : undefined;
}

/**
 * Positions of the words that say which one of an aspect is asked: the noun right before a single
 * aspect word ("**memory** limit"; it must be a content word of the question, at any position), and
 * the run after a superlative aspect word ({@link runAfterSuperlative}).
 */
function modifierPositions(tokens: string[], roles: readonly WordRole[], entityWords: ReadonlySet<number>, aspects: Aspects): Set<number> {
  const out = new Set<number>();
  tokens.forEach((w, i) => {
    if (!aspects.wordPositions.has(i)) return;
    const full = ABBREVIATIONS.get(w) ?? w;
    if (SUPERLATIVE_DESC.has(full) || SUPERLATIVE_ASC.has(full))
      for (const j of runAfterSuperlative(tokens, roles, entityWords, i)) out.add(j);
    const prev = tokens[i - 1];
    if (i === 0 || aspects.positions.has(i - 1) || entityWords.has(i - 1)) return;
    const isContent = tokens.some((t, k) => roles[k] === 'content' && t === prev);
    if (isContent && !STOP_WORDS.has(prev) && isNoun(prev)) out.add(i - 1);
  });
  return out;
}

/**
 * The content words right after the superlative at `at`, up to the first other word (service names
 * right after it are skipped), when they hold a noun and do not end in a dimension word: "maximum
 * **concurrent executions**", not "maximum processing time", which asks for a figure of that
 * dimension (the reading's `dimension` stands for it).
 */
function runAfterSuperlative(tokens: string[], roles: readonly WordRole[], entityWords: ReadonlySet<number>, at: number): number[] {
  const run: number[] = [];
  for (let j = at + 1; j < tokens.length; j++) {
    if (entityWords.has(j) && run.length === 0) continue;
    if (roles[j] !== 'content' || STOP_WORDS.has(tokens[j])) break;
    run.push(j);
  }
  return saysWhichOne(tokens, run) ? run : [];
}

/**
 * Whether a run of words (positions, in order) says which one is asked: it holds a noun and does
 * not end in a dimension word ("processing time" asks for a figure of that dimension instead).
 */
function saysWhichOne(tokens: readonly string[], run: readonly number[]): boolean {
  const head = run.at(-1);
  return head !== undefined && run.some((j) => isNoun(tokens[j])) && askedDimension(tokens[head], []) === undefined;
}

/** How many words the question's "what is/are" starter (the lexicon's `DEFINITION_STARTS`) takes, if it opens with one. */
function definitionStart(tokens: readonly string[]): number | undefined {
  return DEFINITION_STARTS.find((p) => p.every((w, k) => tokens[k] === w))?.length;
}

/** Whether a word of this role is passed over between a "what is/are" starter and the noun phrase it asks about: articles, figures, service names, words that name nothing ("two", "different"). */
const passedBeforeAsked = (role: WordRole): boolean => role === 'stop' || role === 'quantity' || role === 'service' || role === 'generic';
/** Whether a word of this role, right after the phrase, says what is asked itself ("the main **differences**", "memory **limits**"). */
const asksItself = (role: WordRole | undefined): boolean => role === 'facet' || role === 'cue';

/**
 * Positions of the content words of the noun phrase a "what is/are …" question (the lexicon's
 * `DEFINITION_STARTS`) asks about. The phrase runs from the first content word after the starter
 * (articles, figures, service names, words that name nothing and words that rank what is asked —
 * "main", "key" — passed over) through content and generic words ("launch **types**"); it counts
 * when a content word of it is a noun and its last content word is no dimension word. None when an
 * aspect or cue word follows it: that word says what is asked, and the phrase says which one (a
 * modifier). "What are the two ECS **launch** types?", "What is **provisioned concurrency**?"
 */
function askedPositions(tokens: string[], roles: readonly WordRole[]): Set<number> {
  const start = definitionStart(tokens);
  if (start === undefined) return new Set();
  let j = start;
  while (j < tokens.length && (passedBeforeAsked(roles[j]) || IMPORTANCE_WORDS.has(tokens[j]))) j += 1;
  const run: number[] = [];
  for (; j < tokens.length && (roles[j] === 'content' || roles[j] === 'generic') && !STOP_WORDS.has(tokens[j]); j += 1)
    if (roles[j] === 'content') run.push(j);
  return !asksItself(roles[j]) && saysWhichOne(tokens, run) ? new Set(run) : new Set();
}
