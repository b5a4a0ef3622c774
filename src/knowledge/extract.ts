/**
 * Entries → passages, facts and comparisons, read off the markdown's own structure:
 * - a table whose first column names services: one fact per cell (`EC2`, `Monthly Region-Level
 *   Availability SLA`, `99.99%`);
 * - a table whose header names services: a comparison, one row per dimension;
 * - a comparison question ("differences between X and Y") whose list items are dimensions with
 *   one `Service: value` sub-item per side, or whose `Service:` lead-in paragraphs introduce
 *   `Dimension: value` lists; `Key differences:`-style lists become notes;
 * - a list of bold options (`**AWS Lambda (Serverless)**`) with `Attribute: value` sub-items or
 *   `Attribute:` sub-lists: one fact per value;
 * - an entry about one service (its heading names it): its `Label:` items become its facts.
 * Every paragraph, list item, table row and code block also becomes a passage for search.
 */
import { plainWords } from '../text/tokens';
import { appendTo } from '../util/append-to';
import { uniqueBy } from '../util/unique-by';
import type { Source } from './source';
import type { Block, Entry, ListItem, ParsedFile } from './document';
import type { Entity, EntityRegistry } from './entities';
import type { Comparison, Fact, KnowledgeBase, Passage } from './knowledge-base';
import type { FacetSpec } from './schema';
import type { FileMeta } from './front-matter';
import { comparisonSides } from './comparison-heading';
import { cleanSentence, isUiResidue } from './clean';
import { leadIn, splitLabel } from './labels';
import { learnAcronyms } from './acronyms';

class Extractor {
  readonly passages: Passage[] = [];
  readonly facts: Fact[] = [];
  readonly comparisons: Comparison[] = [];
  readonly entries: Entry[] = [];
  private entryIndex = 0;
  private source!: Source;
  private subjects: Entity[] = [];
  private comparison?: Comparison;
  /** Passages' entity lists, one array per distinct list (most passages of an entry name the same services). */
  private readonly entityLists = new Map<string, string[]>();

  constructor(private readonly registry: EntityRegistry) {}

  /** Reads one entry; `meta` is its file's front matter (the sources carry its owner and review date). */
  entry(entry: Entry, meta: FileMeta = {}): void {
    this.entryIndex = this.entries.push(entry) - 1;
    this.source = { file: entry.file, section: entry.question, line: entry.line, ...meta };
    const sides = comparisonSides(entry.question).map((s) => this.registry.discover(s)).filter(isEntity);
    this.subjects = sides.length >= 2
      ? unique(sides)
      : this.mentions(entry.question);
    this.comparison = sides.length >= 2
      ? { entities: this.subjects.map((e) => e.id), source: this.source, rows: [], notes: [] }
      : undefined;
    this.blocks(entry.blocks, []);
    if (this.comparison) this.comparisons.push(mergeRows(this.comparison));
  }

  private blocks(blocks: Block[], context: string[]): void {
    let lead: { entity?: Entity; note?: string } = {};
    blocks.forEach((b, i) => {
      if (b.type === 'paragraph') {
        if (isUiResidue(b.text)) return;
        const label = leadIn(b.text);
        if (label !== undefined && blocks[i + 1]?.type === 'list') {
          const entity = this.registry.resolve(label);
          lead = entity ? { entity } : { note: label };
          return;
        }
        const text = cleanSentence(b.text);
        this.passage(text, context, b.line, 'paragraph', this.subjectsIfOne());
        if (this.comparison && context.length === 0) {
          if (!this.comparison.intro && i === 0) this.comparison.intro = text;
          else if (/^in summary\b/i.test(text) || i === blocks.length - 1) this.comparison.summary = text;
        }
      } else if (b.type === 'list') {
        for (const item of b.items) this.item(item, context, lead);
        lead = {};
      } else if (b.type === 'table') {
        this.table(b);
      } else {
        this.passage(`${b.lang ? `${b.lang} ` : ''}example:\n${b.text.trim()}`, context, b.line, 'code', this.subjectsIfOne());
      }
    });
  }

  private item(item: ListItem, context: string[], lead: { entity?: Entity; note?: string }): void {
    const text = cleanSentence(item.text);
    const option = item.strong ? this.registry.discover(item.strong) : undefined;
    if (option && context.length === 0 && !this.comparison) {
      this.option(item, option);
      return;
    }
    const label = splitLabel(text);
    const ctx = lead.entity ? [...context, lead.entity.short] : lead.note ? [...context, lead.note] : context;
    const sub = childItems(item);
    if (this.comparison && label && context.length === 0) {
      const sideValues = sub.map((c) => ({ c, l: splitLabel(cleanSentence(c.text)) }))
        .map(({ c, l }) => ({ c, l, e: l ? this.registry.resolve(l.label) : undefined }));
      if (sideValues.length > 0 && sideValues.every((s) => s.e)) {
        const values: Record<string, string> = {};
        for (const s of sideValues) {
          values[s.e!.id] = s.l!.value;
          this.fact(s.e!, label.label, s.l!.value, s.c.line, 'comparison');
          this.passage(s.l!.value, [label.label, s.e!.short], s.c.line, 'item', [s.e!]);
        }
        this.comparison.rows.push({ dimension: label.label, values, line: item.line, from: 'list' });
        return;
      }
      if (lead.entity && label.value) {
        this.comparison.rows.push({ dimension: label.label, values: { [lead.entity.id]: label.value }, line: item.line, from: 'list' });
        this.fact(lead.entity, label.label, label.value, item.line, 'comparison');
        this.passage(label.value, [lead.entity.short, label.label], item.line, 'item', [lead.entity]);
        return;
      }
      if (lead.note && label.value) this.comparison.notes.push({ label: label.label, text: label.value, line: item.line });
    }
    const subject = this.subjectsIfOne();
    if (label && subject.length === 1 && context.length === 0 && !this.comparison) {
      if (label.value) this.fact(subject[0], label.label, label.value, item.line, 'entry', lead.note);
      for (const c of sub) this.fact(subject[0], label.label, cleanSentence(c.text), c.line, 'entry', lead.note);
    }
    if (text && !(label && !label.value && sub.length > 0)) this.passage(text, ctx, item.line, 'item', subject);
    const childContext = label ? [...ctx, label.label] : text ? [...ctx, text] : ctx;
    this.blocks(item.children, childContext);
  }

  private option(item: ListItem, entity: Entity): void {
    const name = item.strong!;
    for (const child of childItems(item)) {
      const text = cleanSentence(child.text);
      const label = splitLabel(text);
      const grand = childItems(child);
      if (label && label.value) {
        this.fact(entity, label.label, label.value, child.line, 'option');
        this.passage(label.value, [name, label.label], child.line, 'item', [entity]);
      } else if (label && grand.length > 0) {
        for (const g of grand) {
          const v = cleanSentence(g.text);
          this.fact(entity, label.label, v, g.line, 'option');
          this.passage(v, [name, label.label], g.line, 'item', [entity]);
        }
      } else if (text) {
        this.fact(entity, 'Notes', text, child.line, 'option');
        this.passage(text, [name], child.line, 'item', [entity]);
      }
    }
  }

  private table(b: Extract<Block, { type: 'table' }>): void {
    const columnEntities = b.header.slice(1).map((h) => this.registry.resolve(h));
    if (columnEntities.length >= 2 && columnEntities.every(isEntity)) {
      const cmp = this.comparison ?? { entities: unique(columnEntities).map((e) => e.id), source: this.source, rows: [], notes: [] };
      for (const r of b.rows) {
        const values: Record<string, string> = {};
        columnEntities.forEach((e, c) => {
          const cell = cleanSentence(r.cells[c + 1] ?? '');
          if (!cell) return;
          values[e.id] = cell;
          this.fact(e, r.cells[0], cell, r.line, 'table');
        });
        cmp.rows.push({ dimension: r.cells[0], values, line: r.line, from: 'table' });
        this.passage(rowText(b.header, r.cells), [], r.line, 'row', columnEntities);
      }
      if (!this.comparison) this.comparisons.push(cmp);
      return;
    }
    for (const r of b.rows) {
      const first = r.cells[0] ?? '';
      const entity = first && plainWords(first).length <= 6 ? this.registry.discover(first) : undefined;
      if (entity) {
        b.header.slice(1).forEach((h, c) => {
          const cell = cleanSentence(r.cells[c + 1] ?? '');
          if (cell) this.fact(entity, h, cell, r.line, 'table');
        });
      }
      this.passage(rowText(b.header, r.cells), [], r.line, 'row', entity ? [entity] : this.subjectsIfOne());
    }
  }

  private fact(entity: Entity, attribute: string, value: string, line: number, origin: Fact['origin'], group?: string): void {
    if (!value) return;
    this.facts.push({ entity: entity.id, attribute: attribute.trim(), value, group, source: this.source, line, origin });
  }

  private passage(text: string, context: string[], line: number, kind: Passage['kind'], about: Entity[]): void {
    if (!text.trim()) return;
    const named = this.mentions([...context, text].join(' '));
    const ids = unique([...about, ...named]).map((e) => e.id);
    const key = ids.join('\u0000');
    let entities = this.entityLists.get(key);
    if (!entities) this.entityLists.set(key, (entities = ids));
    this.passages.push({ id: this.passages.length, source: this.source, line, context, text, entities, kind, entry: this.entryIndex });
  }

  private mentions(text: string): Entity[] {
    return unique(this.registry.scan(plainWords(text)).map((m) => m.entity).filter((e) => !e.outOfScope));
  }

  private subjectsIfOne(): Entity[] {
    return this.subjects.length === 1 ? this.subjects : [];
  }
}

/** Joins list rows of one dimension that the markdown wrote per side (`Scaling:` under each service's lead-in). */
function mergeRows(c: Comparison): Comparison {
  const rows: Comparison['rows'] = [];
  for (const r of c.rows) {
    const twin = rows.find((x) => x.from === r.from && x.dimension.toLowerCase() === r.dimension.toLowerCase()
      && Object.keys(r.values).every((k) => !(k in x.values)));
    if (twin) Object.assign(twin.values, r.values);
    else rows.push({ ...r, values: { ...r.values } });
  }
  return { ...c, rows };
}

function childItems(item: ListItem): ListItem[] {
  return item.children.flatMap((c) => (c.type === 'list' ? c.items : []));
}

function rowText(header: string[], cells: string[]): string {
  return cells.map((c, i) => `${header[i] ?? ''}: ${cleanSentence(c)}`).join('; ');
}

function isEntity(e: Entity | undefined): e is Entity {
  return e !== undefined;
}

/** Entities, each once (first mention kept). */
const unique = (es: Entity[]): Entity[] => uniqueBy(es, (e) => e.id);

/** Builds the knowledge base from parsed files. Pure: no I/O. */
export function extractKnowledge(files: ParsedFile[], registry: EntityRegistry, facets: Record<string, FacetSpec>): KnowledgeBase {
  const x = new Extractor(registry);
  for (const f of files) for (const e of f.entries) x.entry(e, f.meta);
  const covered = new Set<string>();
  const factsByEntity = new Map<string, number[]>();
  x.facts.forEach((f, i) => {
    covered.add(f.entity);
    appendTo(factsByEntity, f.entity, i);
  });
  for (const p of x.passages) for (const e of p.entities) covered.add(e);
  learnAcronyms(x.passages, registry);
  return {
    files: files.map((f) => f.file), entries: x.entries, passages: x.passages, facts: x.facts,
    comparisons: x.comparisons, registry, facets, covered, factsByEntity,
  };
}
