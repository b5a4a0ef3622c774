/**
 * Comparisons. When the knowledge base compares the services itself, every dimension it lists
 * (list and table), both sides, its key differences and summary; narrowed to the dimensions the
 * question asks about ("… when it comes to scaling"). Otherwise a side-by-side assembled from each
 * service's facts (SLA, languages, pros, cons, best for, …), labelled as such.
 */
import type { Answer, ComparisonRow, Part } from '../../answer/answer';
import type { Entity } from '../../knowledge/entities';
import type { Comparison, Fact } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import type { Understood } from '../../read/read';
import { BEST_FOR_FACET, LANGUAGES_FACET, LIMITS_FACET, PRICING_FACET, SLA_FACET } from '../../knowledge/facet-ids';
import { knowledgeStems } from '../../text/knowledge-stems';
import { ask, finish, groupByAttribute, shortName, sourcesOf } from '../../answer/common';
import { suggestions } from '../../answer/suggest';

interface Row extends ComparisonRow {
  from: 'list' | 'table' | 'facts';
}

/** Rows as the Answer carries them (without where they came from). */
const plainRows = (rows: Row[]): ComparisonRow[] => rows.map(({ dimension, values }) => ({ dimension, values }));

/** The note under a narrowed comparison. */
const narrowedNote = (shown: number, total: number, columns: string[]): Part => ({
  type: 'text',
  text: `Showing ${shown} of ${total} dimensions; ask "${columns.join(' vs ')}" for all of them.`,
});

/** The question's words that may name a dimension (not services, not cue words). */
function focusStems(u: Understood): { stems: readonly string[]; facets: string[] } {
  return { stems: u.words.contentStems, facets: u.facets.filter((f) => f !== SLA_FACET || u.entities.length > 0) };
}

/** Rows whose dimension (or failing that, values) the question asks about; all rows when it asks about none. */
function narrow(ctx: RouterContext, rows: Row[], u: Understood): { rows: Row[]; narrowed: boolean } {
  const { stems, facets } = focusStems(u);
  if (stems.length === 0 && facets.length === 0) return { rows, narrowed: false };
  const facetStems = new Set(facets.flatMap((f) => (ctx.kb.facets[f]?.attributes ?? []).flatMap((a) => knowledgeStems(a))));
  const byDimension = rows.filter((r) => {
    const d = knowledgeStems(r.dimension);
    return d.some((s) => facetStems.has(s) || stems.includes(s));
  });
  const picked =
    byDimension.length > 0
      ? byDimension
      : rows.filter((r) => {
          const v = knowledgeStems(r.values.join(' '));
          return stems.some((s) => v.includes(s));
        });
  return picked.length > 0 && picked.length < rows.length ? { rows: picked, narrowed: true } : { rows, narrowed: false };
}

function fromKnowledge(ctx: RouterContext, u: Understood, ids: string[], cmp: Comparison, confidence: number): Answer {
  const toRow = (r: Comparison['rows'][number]): Row => ({
    dimension: r.dimension,
    values: ids.map((id) => r.values[id] ?? ''),
    from: r.from,
  });
  const all = cmp.rows.map(toRow);
  const { rows, narrowed } = narrow(ctx, all, u);
  const columns = ids.map((id) => shortName(ctx.kb, id));
  const parts: Part[] = [];
  const list = rows.filter((r) => r.from === 'list');
  const table = rows.filter((r) => r.from === 'table');
  if (list.length) parts.push({ type: 'comparison', columns, rows: plainRows(list) });
  if (table.length) parts.push({ type: 'comparison', heading: list.length ? 'At a glance' : undefined, columns, rows: plainRows(table) });
  const stems = focusStems(u).stems;
  const notes = narrowed ? cmp.notes.filter((n) => knowledgeStems(`${n.label} ${n.text}`).some((s) => stems.includes(s))) : cmp.notes;
  if (notes.length) parts.push({ type: 'bullets', heading: 'Key differences', items: notes.map((n) => `${n.label}: ${n.text}`) });
  if (!narrowed && cmp.summary) parts.push({ type: 'text', text: cmp.summary });
  if (narrowed) parts.push(narrowedNote(rows.length, all.length, columns));
  const dims = narrowed ? `: ${[...new Set(rows.map((r) => r.dimension))].slice(0, 3).join(', ')}` : '';
  return finish({
    kind: 'compare',
    question: u.text,
    services: columns,
    synthesized: false,
    title: `${columns.join(' vs ')}${dims}`,
    answered: true,
    confidence,
    parts,
    sources: [cmp.source],
    followUps: () => [
      ...(narrowed ? [ask(columns.join(' vs '))] : []),
      ...ids.flatMap((id) => suggestions(ctx, [id], 3)).filter((s) => !/ vs /i.test(s.question)),
    ],
  });
}

/**
 * A comparison section asked about in a question that is no comparison ("how fast does Global
 * Accelerator fail over", asked of the CloudFront vs Global Accelerator section): its rows that
 * hold what was asked, both sides, with the section as the source; undefined when no row narrows
 * it (then the section itself answers).
 */
export function rowsAsked(ctx: RouterContext, u: Understood, cmp: Comparison, confidence: number): Answer | undefined {
  const all = cmp.rows.map((r): Row => ({ dimension: r.dimension, values: cmp.entities.map((id) => r.values[id] ?? ''), from: r.from }));
  return narrow(ctx, all, u).narrowed ? fromKnowledge(ctx, u, cmp.entities, cmp, confidence) : undefined;
}

/** The cell of a dimension the knowledge base states for the other side only. */
export const NOT_STATED = 'not stated in the knowledge base';

/** Aspects worth a row even when one side alone states them. */
const COMPARABLE_FACETS = [SLA_FACET, LANGUAGES_FACET, LIMITS_FACET, PRICING_FACET, BEST_FOR_FACET];

/** A side-by-side from each service's own facts; undefined when they share no attribute to compare on. */
function synthesized(ctx: RouterContext, u: Understood, ids: string[], confidence: number): Answer | undefined {
  // Per entity, its own facts (not those of another comparison, which speak relative to a third service).
  const perEntity: Fact[][] = ids.map((id) =>
    (ctx.kb.factsByEntity.get(id) ?? []).map((i) => ctx.kb.facts[i]).filter((f) => f.origin !== 'comparison'),
  );
  const attrs: string[] = [];
  const counts = new Map<string, number>();
  for (const facts of perEntity) {
    for (const g of groupByAttribute(facts)) {
      const k = g.attribute.toLowerCase();
      if (!attrs.includes(k)) attrs.push(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  // Dimensions both sides state, and those of a comparable aspect (SLA, languages, limits, …) that
  // one side states: the other side's cell says so, rather than the row being dropped.
  const factIndex = new Map(ids.flatMap((id) => (ctx.kb.factsByEntity.get(id) ?? []).map((i) => [ctx.kb.facts[i], i] as const)));
  const comparable = (a: string): boolean =>
    perEntity
      .flat()
      .some(
        (f) => f.attribute.toLowerCase() === a && COMPARABLE_FACETS.some((facet) => ctx.scorer.showsFacet(factIndex.get(f) ?? -1, facet)),
      );
  const kept = attrs.filter((a) => a !== 'notes' && ((counts.get(a) ?? 0) >= 2 || comparable(a)));
  const rows: Row[] = kept.map((a) => ({
    dimension: perEntity.flat().find((f) => f.attribute.toLowerCase() === a)!.attribute,
    values: perEntity.map(
      (facts) =>
        facts
          .filter((f) => f.attribute.toLowerCase() === a)
          .map((f) => f.value)
          .join('; ') || NOT_STATED,
    ),
    from: 'facts',
  }));
  // A side-by-side needs something stated on every side.
  if (rows.length === 0 || ids.some((_, col) => rows.every((r) => r.values[col] === NOT_STATED))) return undefined;
  const { rows: picked, narrowed } = narrow(ctx, rows, u);
  const columns = ids.map((id) => shortName(ctx.kb, id));
  const shown = new Set(picked.map((r) => r.dimension.toLowerCase()));
  const used = perEntity.flat().filter((f) => shown.has(f.attribute.toLowerCase()));
  return finish({
    kind: 'compare',
    question: u.text,
    services: columns,
    synthesized: true,
    title: `${columns.join(' vs ')}`,
    answered: true,
    confidence: confidence * 0.9,
    parts: [
      {
        type: 'text',
        text: `The knowledge base has no direct comparison of ${columns.join(' and ')}; this side-by-side is assembled from what it says about each.`,
      },
      { type: 'comparison', columns, rows: plainRows(picked) },
      ...(narrowed ? [narrowedNote(picked.length, rows.length, columns)] : []),
    ],
    sources: sourcesOf(used),
    followUps: () => ids.flatMap((id) => suggestions(ctx, [id], 2)),
  });
}

/** Compares `entities` (two or more, all covered by the knowledge base); undefined when they share nothing to compare. */
export function compareAnswer(ctx: RouterContext, u: Understood, entities: Entity[], confidence: number): Answer | undefined {
  const ids = entities.map((e) => e.id);
  const own = ctx.kb.comparisons.find((c) => ids.every((id) => c.entities.includes(id)));
  return own ? fromKnowledge(ctx, u, ids, own, confidence) : synthesized(ctx, u, ids, confidence);
}
