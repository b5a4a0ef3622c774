/**
 * SLA answers: the availability figures of the named services exactly as the knowledge base
 * states them (region level and instance level, "No specific SLA published" included), or the
 * whole table when no service is named. A service without SLA facts is said to have none here.
 */
import { SLA_FACET } from '../../knowledge/facet-ids';
import type { Answer, Part, Suggestion } from '../../answer/answer';
import type { Entity } from '../../knowledge/entities';
import type { Fact } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import { ask, entityById, finish, shortName, sourcesOf } from '../../answer/common';
import { slaNotFound } from '../not-found/answer';
import { entitiesWithSla, suggestions } from '../../answer/suggest';
import { underScope } from '../section-scope';
import { knowledgeStems } from '../../text/knowledge-stems';
import { perObject } from '../../util/per-object';

/** Services listed when the whole SLA table is asked for. */
const MAX_LISTED = 25;

/** The SLA facts of one service (read once per service and knowledge base; callers must not mutate the list). */
export function slaFactsOf(ctx: RouterContext, entityId: string): readonly Fact[] {
  const byEntity = slaFactsByEntity(ctx);
  let facts = byEntity.get(entityId);
  if (!facts) {
    facts = (ctx.kb.factsByEntity.get(entityId) ?? []).filter((i) => ctx.scorer.showsFacet(i, SLA_FACET)).map((i) => ctx.kb.facts[i]);
    byEntity.set(entityId, facts);
  }
  return facts;
}
/** Each service's SLA facts, filled as questions name services (bounded by the knowledge base's services). */
const slaFactsByEntity = perObject((_: RouterContext) => new Map<string, readonly Fact[]>());

/**
 * The other cells of a service's SLA rows whose column the question names ("what does the Route 53
 * SLA **cover**" → its `Covers` cell; "EBS SLA and durability" → `Designed Durability`): `stems`
 * are the question's content stems.
 */
export function rowFactsAsked(ctx: RouterContext, entityId: string, stems: readonly string[]): Fact[] {
  if (stems.length === 0) return [];
  const idx = ctx.kb.factsByEntity.get(entityId) ?? [];
  const rows = new Set(slaFactsOf(ctx, entityId).map((f) => `${f.source.file}:${f.line}`));
  return idx
    .filter((i) => !ctx.scorer.showsFacet(i, SLA_FACET))
    .map((i) => ctx.kb.facts[i])
    .filter((f) => rows.has(`${f.source.file}:${f.line}`) && knowledgeStems(f.attribute).some((st) => stems.includes(st)));
}

/**
 * The SLA figures of `entities`, or of every service when none is named; `scope`: stems that name
 * the SLA tables asked (`section-scope.ts`), whose rows alone are then listed; `rowCells`: per
 * named service, the other cells of its SLA rows the question asks about ({@link rowFactsAsked}).
 */
export function slaAnswer(
  ctx: RouterContext,
  question: string,
  entities: Entity[],
  confidence: number,
  scope: readonly string[] = [],
  rowCells: ReadonlyMap<string, readonly Fact[]> = new Map(),
): Answer {
  const all = entities.length === 0;
  const slaFacts = (id: string): readonly Fact[] =>
    scope.length === 0 ? slaFactsOf(ctx, id) : slaFactsOf(ctx, id).filter((f) => underScope(f, scope));
  // Every service with an SLA in scope: only the whole table lists them (reading each one's facts
  // for a named service's answer cost a pass over every SLA fact of the knowledge base).
  const everyone = all ? entitiesWithSla(ctx).filter((id) => slaFacts(id).length > 0) : [];
  // The whole table, up to a chat-sized list; the rest is named as a count, never dropped silently.
  const ids = all ? everyone.slice(0, MAX_LISTED) : entities.map((e) => e.id);
  const parts: Part[] = [];
  const used: Fact[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const facts = [...slaFacts(id), ...(all ? [] : (rowCells.get(id) ?? []))];
    if (facts.length === 0) {
      missing.push(id);
      continue;
    }
    used.push(...facts);
    parts.push({
      type: 'facts',
      heading: all ? shortName(ctx.kb, id) : (entityById(ctx.kb, id)?.name ?? id),
      facts: facts.map((f) => ({ label: f.attribute, value: f.value })),
    });
  }
  const missingNames = missing.map((id) => entityById(ctx.kb, id)?.name ?? id);
  if (used.length === 0) {
    return slaNotFound(
      ctx,
      question,
      `The knowledge base has no SLA for ${missingNames.join(' or ') || 'that'}. It lists SLAs for ${entitiesWithSla(ctx)
        .map((id) => shortName(ctx.kb, id))
        .join(', ')}.`,
    );
  }
  if (missingNames.length > 0) parts.push({ type: 'text', text: `The knowledge base has no SLA for ${missingNames.join(', ')}.` });
  if (all && everyone.length > ids.length) {
    parts.push({
      type: 'text',
      text: `…and ${everyone.length - ids.length} more services with an SLA in the knowledge base: ask for one by name, e.g. "SLA for ${shortName(ctx.kb, everyone[ids.length])}".`,
    });
  }
  const covered = ids.filter((id) => !missing.includes(id));
  const others = entitiesWithSla(ctx).filter((id) => !covered.includes(id));
  const followUps = (): Suggestion[] =>
    all
      ? []
      : [
          ...(others.length ? [ask(`Compare ${shortName(ctx.kb, covered[0])} vs ${shortName(ctx.kb, others[0])}`)] : []),
          ...suggestions(ctx, covered, 3).filter((s) => !/^SLA for /i.test(s.question)),
          ask('List all SLAs'),
        ];
  return finish({
    kind: 'sla',
    question,
    services: covered.map((id) => shortName(ctx.kb, id)),
    title: all ? 'Availability SLAs' : `Availability SLA: ${covered.map((id) => shortName(ctx.kb, id)).join(', ')}`,
    answered: true,
    confidence,
    parts,
    sources: sourcesOf(used),
    followUps,
  });
}
