/**
 * The entity registry: services (and out-of-scope products) with every name they go by.
 * Seeded from `services.yml`; names the markdown uses for services it discusses are added
 * as they are discovered, so a new knowledge file needs no catalog entry to be answerable.
 */
import { STOP_WORDS } from '../language/lexicon';
import { plainWords, stem } from '../text/tokens';
import { uniqueBy } from '../util/unique-by';
import type { ServicesFile } from './schema';

export interface Entity {
  /** Stable id: the canonical name. */
  id: string;
  /** Canonical display name, e.g. `AWS Elastic Beanstalk`. */
  name: string;
  /** Short label, e.g. `Elastic Beanstalk`. */
  short: string;
  /** Every name, canonical and short included. */
  aliases: string[];
  /** A product outside AWS: named only so that questions about it are refused precisely. */
  outOfScope: boolean;
  /** Named only with `AWS`/`Amazon` before it: its bare name is an everyday word (`AWS Batch`). */
  vendorRequired?: boolean;
}

/** Names this short are matched letter for letter, never through stemming. */
const SHORT_NAME = 3;

/** An entity named in a text: words `start` (inclusive) to `end` (exclusive) of `plainWords(text)`. */
export interface Mention {
  entity: Entity;
  start: number;
  end: number;
  /** False when the name was matched fuzzily (a typo). */
  exact: boolean;
}

/** The vendor words of a catalog (`services.yml` `vendors`: `AWS`, `Amazon`), as `plainWords` reads them. */
export function vendorWords(catalog: Pick<ServicesFile, 'vendors'>): ReadonlySet<string> {
  return new Set(catalog.vendors.flatMap((v) => plainWords(v)));
}

/** Matching key of a name: its words minus the vendor words, stemmed, space-joined (`Amazon ECS` → `ec`). */
export function nameKey(name: string, vendors: ReadonlySet<string>): string {
  return plainWords(name).filter((w) => !vendors.has(w)).map(stem).join(' ');
}

/** What a name is matched by: a one-word name of up to 3 letters letter for letter (`EB` is not `EBS`), else its {@link nameKey}. */
export function matchKey(name: string, vendors: ReadonlySet<string>): string {
  const words = plainWords(name).filter((w) => !vendors.has(w));
  return words.length === 1 && words[0].length <= SHORT_NAME ? `=${words[0]}` : nameKey(name, vendors);
}

/** The name without a leading vendor word, for short labels: `AWS App Runner` → `App Runner`. */
export function stripVendor(name: string, vendors: ReadonlySet<string>): string {
  const first = /^(\S+)\s+/.exec(name);
  const rest = first && vendors.has(first[1].toLowerCase()) ? name.slice(first[0].length) : name;
  return rest.trim() || name;
}

/** Splits `AWS Lambda (Serverless)` into `AWS Lambda` and `Serverless`. Plain text, not markdown. */
function splitParenthetical(name: string): { base: string; inner?: string } {
  const open = name.indexOf('(');
  const close = name.lastIndexOf(')');
  if (open <= 0 || close < open) return { base: name.trim() };
  return { base: (name.slice(0, open) + name.slice(close + 1)).replace(/\s+/g, ' ').trim(), inner: name.slice(open + 1, close).trim() };
}

export class EntityRegistry {
  private readonly byKey = new Map<string, Entity>();
  /** One-word names of up to 3 letters (`EB`, `AR`, `ECS`), matched as typed: stemming `are` gives `ar`. */
  private readonly shortNames = new Map<string, Entity>();
  private readonly entities: Entity[] = [];
  private readonly byId = new Map<string, Entity>();
  /** First words of the keys, and every prefix of the one-word keys: where a name of several words can start. */
  private readonly keyStarts = new Set<string>();
  /** The vendor words (`aws`, `amazon`): optional before any name, required before a `vendorRequired` one. */
  readonly vendors: ReadonlySet<string>;

  constructor(catalog: ServicesFile) {
    this.vendors = vendorWords(catalog);
    for (const s of catalog.services) {
      this.add({
        id: s.name, name: s.name, short: s.short ?? stripVendor(s.name, this.vendors), aliases: s.aliases, outOfScope: false,
        ...(s.vendorRequired ? { vendorRequired: true } : {}),
      });
    }
    for (const s of catalog.outOfScope) {
      this.add({ id: s.name, name: s.name, short: s.name, aliases: s.aliases, outOfScope: true });
    }
  }

  /** A registry holding exactly `entities`, in order (as `all()` returned them): for snapshots. */
  static restore(entities: readonly Entity[], vendors: readonly string[]): EntityRegistry {
    const registry = new EntityRegistry({ services: [], outOfScope: [], facets: {}, synonyms: {}, domainWords: [], vendors: [...vendors] });
    for (const e of entities) registry.add(e);
    return registry;
  }

  private add(e: Entity): Entity {
    const entity: Entity = { ...e, aliases: uniqueBy([e.name, e.short, stripVendor(e.name, this.vendors), ...e.aliases], (a) => a.toLowerCase()) };
    this.entities.push(entity);
    if (!this.byId.has(entity.id)) this.byId.set(entity.id, entity);
    for (const a of entity.aliases) this.index(a, entity);
    return entity;
  }

  private index(alias: string, entity: Entity): void {
    const words = plainWords(alias).filter((w) => !this.vendors.has(w));
    if (words.length === 1 && words[0].length <= SHORT_NAME && !this.shortNames.has(words[0])) this.shortNames.set(words[0], entity);
    const key = nameKey(alias, this.vendors);
    if (key && !this.byKey.has(key)) this.byKey.set(key, entity);
    const joined = key.replace(/ /g, '');
    if (joined && !this.byKey.has(joined)) this.byKey.set(joined, entity);
    if (key) this.keyStarts.add(key.split(' ')[0]);
    for (let i = 1; i <= joined.length; i += 1) this.keyStarts.add(joined.slice(0, i));
  }

  /** The entity a name denotes exactly (any alias, AWS/Amazon and a parenthetical optional). */
  resolve(name: string): Entity | undefined {
    const { base, inner } = splitParenthetical(name);
    for (const candidate of [name, base, inner]) {
      if (!candidate) continue;
      // A short name is matched letter for letter, as in questions: "EBS" is not "EB" plus a plural.
      const words = plainWords(candidate).filter((w) => !this.vendors.has(w));
      if (words.length === 1 && words[0].length <= SHORT_NAME) {
        const hit = this.shortNames.get(words[0]);
        if (hit) return hit;
        continue;
      }
      const key = nameKey(candidate, this.vendors);
      const hit = this.byKey.get(key) ?? this.byKey.get(key.replace(/ /g, ''));
      if (hit) return hit;
    }
    return undefined;
  }

  /**
   * The entity for a service name found in the markdown: the known one it resolves to, else a
   * new entity named as the markdown names it (an all-caps parenthetical becomes an alias).
   */
  discover(name: string): Entity | undefined {
    const known = this.resolve(name);
    if (known) return known;
    const { base, inner } = splitParenthetical(name);
    if (!base || base.length > 60 || !nameKey(base, this.vendors)) return undefined;
    const aliases = inner && /^[A-Z0-9][A-Z0-9 &-]{0,9}$/.test(inner) ? [inner] : [];
    return this.add({ id: base, name: base, short: stripVendor(base, this.vendors), aliases, outOfScope: false });
  }

  /**
   * Gives the known entity `name` denotes the alias `acronym` (defined in the markdown's prose,
   * `acronyms.ts`); false when `name` is no known entity or `acronym` already denotes one.
   */
  defineAcronym(name: string, acronym: string): boolean {
    const entity = this.resolve(name);
    if (!entity || entity.outOfScope || this.resolve(acronym)) return false;
    entity.aliases.push(acronym);
    this.index(acronym, entity);
    return true;
  }

  /**
   * Exact mentions of entities in a text, longest name first, as spans over `plainWords(text)`.
   * `sla for amazon elastic compute cloud` → EC2 at words 2..5.
   */
  scan(tokens: string[]): Mention[] {
    const found: Mention[] = [];
    const used = new Array<boolean>(tokens.length).fill(false);
    const stems = tokens.map((w) => (this.vendors.has(w) ? '' : stem(w)));
    for (let n = Math.min(6, tokens.length); n >= 1; n -= 1) {
      for (let i = 0; i + n <= tokens.length; i += 1) {
        if (this.vendors.has(tokens[i]) && n > 1) continue;
        // A name of several words starts with a key's first word, or a prefix of a one-word key ("app runner" ~ "apprunner").
        if (n > 1 && !this.keyStarts.has(stems[i])) continue;
        let hasUsed = false;
        for (let k = i; k < i + n; k += 1) if (used[k]) { hasUsed = true; break; }
        if (hasUsed) continue;
        let entity: Entity | undefined;
        if (n === 1 && tokens[i].length <= SHORT_NAME) {
          entity = this.shortNames.get(tokens[i]);
        } else {
          // One word: its stem itself (a vendor word's empty stem is no key).
          const key = n === 1 ? stems[i] : stems.slice(i, i + n).filter(Boolean).join(' ');
          if (!key || (n === 1 && STOP_WORDS.has(tokens[i]))) continue;
          entity = this.byKey.get(key) ?? (n > 1 ? this.byKey.get(key.replace(/ /g, '')) : undefined);
        }
        if (!entity) continue;
        const vendorBefore = i > 0 && this.vendors.has(tokens[i - 1]) && !used[i - 1];
        if (entity.vendorRequired && !vendorBefore) continue;
        let start = i;
        if (vendorBefore) start = i - 1;
        for (let k = start; k < i + n; k += 1) used[k] = true;
        found.push({ entity, start, end: i + n, exact: true });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** The entity with this id (the first one added, as a search of `all()` would find). */
  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** Every entity, catalog order first. */
  all(): readonly Entity[] {
    return this.entities;
  }

  /** `[key, entity]` for every alias key (spaced and joined forms). */
  keys(): IterableIterator<[string, Entity]> {
    return this.byKey.entries();
  }
}

