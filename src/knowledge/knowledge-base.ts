/**
 * What the loader builds from the knowledge directory: entries, passages (the chunks the
 * search index holds), facts and comparisons (what the router answers structured questions
 * from), and the entity registry. Immutable once built: a change builds a new one.
 */
import type { Source } from './source';
import type { Entry } from './document';
import type { EntityRegistry } from './entities';
import type { FacetSpec } from './schema';

/** A chunk of an entry: a paragraph, a list item, a table row or a code block. */
export interface Passage {
  /** Index in `KnowledgeBase.passages`. */
  id: number;
  source: Source;
  /** 1-based line of the chunk itself. */
  line: number;
  /** The labels above it, outermost first (`['Scaling']`, `['AWS Lambda (Serverless)', 'Cons']`). */
  context: string[];
  /** The chunk's own text, cleaned. */
  text: string;
  /** Ids of the entities it is about (its label, its option heading, names it mentions). */
  entities: string[];
  kind: 'paragraph' | 'item' | 'row' | 'code';
  /** Index of its entry in `KnowledgeBase.entries`. */
  entry: number;
}

/** One statement about one entity: `(AWS Lambda, Cons, Limited execution time (15 minutes max))`. */
export interface Fact {
  entity: string;
  /** The label the markdown gives it (a table header, `Pros`, a comparison dimension). */
  attribute: string;
  value: string;
  /** The lead-in the fact's list sits under, if any ("This approach offers several benefits"). */
  group?: string;
  source: Source;
  line: number;
  origin: 'table' | 'comparison' | 'option' | 'entry';
}

/** A comparison the knowledge base makes itself ("What are the differences between X and Y?"). */
export interface Comparison {
  /** Entity ids, in the order the markdown names them. */
  entities: string[];
  source: Source;
  /** Per-dimension values (from lists and tables), in document order; missing values are absent keys. */
  rows: { dimension: string; values: Record<string, string>; line: number; from: 'list' | 'table' }[];
  /** Points that are about both ("Key differences": `Purpose: Beanstalk is for …, while ECS …`). */
  notes: { label: string; text: string; line: number }[];
  /** The entry's opening and closing paragraphs. */
  intro?: string;
  summary?: string;
}

export interface KnowledgeBase {
  /** Knowledge files read, relative names. */
  files: string[];
  entries: Entry[];
  passages: Passage[];
  facts: Fact[];
  comparisons: Comparison[];
  registry: EntityRegistry;
  facets: Record<string, FacetSpec>;
  /** Users' words for the knowledge base's words (`services.yml` `synonyms`), by the knowledge base's word. */
  synonyms?: Record<string, string[]>;
  /** Words of the domain that name no subject (`services.yml` `domainWords`). */
  domainWords?: string[];
  /** What it is about (`services.yml` `domain`), for the help and not-found answers. */
  domain?: { name: string; questions: string; topics: string };
  /** Entities the markdown says something about (facts or passages). */
  covered: ReadonlySet<string>;
  /** Per entity id, the indexes of its facts. */
  factsByEntity: ReadonlyMap<string, number[]>;
}

