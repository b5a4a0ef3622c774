/**
 * The question's words, read once: one ordered list of word records, each saying what the word is
 * to the reading (its role) and what else the reading found of it. Every view the kinds need (the
 * content words, their stems, the unknown words, the subjects, …) is derived from that one list, on
 * first use, so no two views can disagree.
 */
import { contentStems } from '../text/tokens';

/**
 * What a word is to the reading, the first that applies in this order: part of a service's name,
 * a stop word, a facet word, a cue word, a word that names no subject, a function word, a figure
 * or its unit, and otherwise a content word.
 */
export type WordRole =
  /** Part of a named service (in or out of scope): kept out of text matching. */
  | 'service'
  /** A stop word (the lexicon's `STOP_WORDS`). */
  | 'stop'
  /** Asks for a facet: a `services.yml` `ask` word or a word of an ask phrase, a typo of one, an availability figure. */
  | 'facet'
  /** A cue word of the lexicon: compare, recommend, help, all, amount or money. */
  | 'cue'
  /** Names no subject: the lexicon's generic words and `services.yml` `domainWords`. */
  | 'generic'
  /** A function word that is not a stop word. */
  | 'function'
  /** A number, a number with its unit ("30-minute"), or the unit right after a number ("300 second"). */
  | 'quantity'
  /** Anything else: what the question asks about beyond the services and facets. */
  | 'content';

/** One word of the question, at its position in {@link QuestionWords.list}. */
export interface QuestionWord {
  /** The plain word; a word the knowledge base does not use is replaced by the one it uses (`photos` → `images`). */
  readonly text: string;
  /** The plain word with any listed synonym replaced, for matching entries' own questions. */
  readonly synonym: string;
  readonly role: WordRole;
  /** A content word the knowledge base never uses. */
  readonly unknown: boolean;
  /**
   * An unknown word that may name a product or feature the knowledge base lacks ("IPv6",
   * "Terraform"): not English by WordNet, written with digits or dots, written as a name, or the
   * word an aspect is asked of. English padding ("kindly", "plan") is never a subject.
   */
  readonly subject: boolean;
  /** A noun right before a single facet word ("**memory** limit"): it says which one is asked. */
  readonly modifier: boolean;
  /** A word of the noun phrase a "what is/are …" question asks about ("What are the two ECS **launch types**?"). */
  readonly asked: boolean;
  /** A figure with decimals (`99.5`, `99.95%`), for finding the facts that state it. */
  readonly figure: boolean;
}

/** The question's words and the views of them, each computed on first use. */
export class QuestionWords {
  private textsView?: readonly string[];
  private contentView?: readonly string[];
  private matchableView?: readonly string[];
  private contentStemsView?: readonly string[];
  private matchableStemsView?: readonly string[];
  private knownStemsView?: readonly string[];
  private unknownView?: readonly string[];
  private subjectsView?: readonly string[];
  private modifiersView?: readonly string[];
  private askedView?: readonly string[];
  private figuresView?: readonly string[];

  constructor(readonly list: readonly QuestionWord[]) {}

  /** Every word's text, in order. */
  get texts(): readonly string[] {
    return (this.textsView ??= this.list.map((w) => w.text));
  }

  /** The content words (role `content`), in order. */
  get content(): readonly string[] {
    return (this.contentView ??= this.textsOf((w) => w.role === 'content'));
  }

  /** The words facts and passages are matched on: content and facet words (not services, stop, cue or generic words). */
  get matchable(): readonly string[] {
    return (this.matchableView ??= this.textsOf((w) => w.role === 'content' || w.role === 'facet'));
  }

  /** `contentStems` of the content words. */
  get contentStems(): readonly string[] {
    return (this.contentStemsView ??= contentStems(this.content.join(' ')));
  }

  /** `contentStems` of the matchable words. */
  get matchableStems(): readonly string[] {
    return (this.matchableStemsView ??= contentStems(this.matchable.join(' ')));
  }

  /** Stems of the content words the knowledge base uses: content an answer must speak to. */
  get knownStems(): readonly string[] {
    return (this.knownStemsView ??= contentStems(this.textsOf((w) => w.role === 'content' && !w.unknown).join(' ')));
  }

  /** Content words the knowledge base never uses. */
  get unknown(): readonly string[] {
    return (this.unknownView ??= this.textsOf((w) => w.unknown));
  }

  /** Unknown words that may name what the knowledge base lacks (see {@link QuestionWord.subject}). */
  get subjects(): readonly string[] {
    return (this.subjectsView ??= this.textsOf((w) => w.subject));
  }

  /** Words right before a facet word that say which one is asked ("memory limit"). */
  get modifiers(): readonly string[] {
    return (this.modifiersView ??= this.textsOf((w) => w.modifier));
  }

  /** The noun phrase a "what is/are …" question asks about (see {@link QuestionWord.asked}). */
  get asked(): readonly string[] {
    return (this.askedView ??= this.textsOf((w) => w.asked));
  }

  /** Figures with decimals written in the question (`99.5`). */
  get figures(): readonly string[] {
    return (this.figuresView ??= this.textsOf((w) => w.figure));
  }

  private textsOf(keep: (w: QuestionWord) => boolean): string[] {
    const out: string[] = [];
    for (const w of this.list) if (keep(w)) out.push(w.text);
    return out;
  }
}
