/**
 * Snapshots: a built knowledge base and its index as plain JSON, so a short-lived process (the
 * CLI) can start without parsing markdown or rebuilding the index. A snapshot records the
 * fingerprint of the sources it was built from; restoring checks its format version only, the
 * caller compares fingerprints. Pure: no file I/O here.
 */
import lunr from 'lunr';
import { EntityRegistry, type Entity } from './knowledge/entities';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { KnowledgeProblem } from './knowledge/problems';
import type { PassageIndex } from './search/build-index';
import { seedStems, stemEntries } from './text/tokens';
import { NearTerms } from './search/near-terms';
import { Postings } from './search/postings';

/** Bumped whenever the snapshot layout or anything it stores changes meaning. */
const SNAPSHOT_FORMAT = 2;

export interface KnowledgeSnapshot {
  format: number;
  /** `knowledgeFingerprint` of the sources. */
  fingerprint: string;
  kb: Omit<KnowledgeBase, 'registry' | 'covered' | 'factsByEntity'> & { covered: string[]; factsByEntity: [string, number[]][] };
  entities: Entity[];
  index: { lunr: object; terms: string[][]; vocabulary: string[] };
  warnings: KnowledgeProblem[];
  /** Word → stem pairs known when the snapshot was taken (the knowledge base's words), to seed the stem memo. */
  stems: [string, string][];
}

export function takeSnapshot(fingerprint: string, kb: KnowledgeBase, index: PassageIndex, warnings: KnowledgeProblem[]): KnowledgeSnapshot {
  const { registry, covered, factsByEntity, ...plain } = kb;
  return {
    format: SNAPSHOT_FORMAT,
    fingerprint,
    kb: { ...plain, covered: [...covered], factsByEntity: [...factsByEntity.entries()] },
    entities: [...registry.all()],
    index: { lunr: index.idx.toJSON(), terms: index.terms.map((t) => [...t]), vocabulary: [...index.vocabulary] },
    warnings,
    stems: stemEntries(),
  };
}

/** The knowledge base and index of a snapshot; throws when its format is not this version's. */
export function restoreSnapshot(snapshot: KnowledgeSnapshot): { kb: KnowledgeBase; index: PassageIndex; warnings: KnowledgeProblem[] } {
  if (!snapshot || snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${String(snapshot?.format)} is not ${SNAPSHOT_FORMAT}`);
  seedStems(snapshot.stems);
  const kb: KnowledgeBase = {
    ...snapshot.kb,
    registry: EntityRegistry.restore(snapshot.entities),
    covered: new Set(snapshot.kb.covered),
    factsByEntity: new Map(snapshot.kb.factsByEntity),
  };
  const vocabulary = new Set(snapshot.index.vocabulary);
  const idx = lunr.Index.load(snapshot.index.lunr);
  const index: PassageIndex = {
    idx,
    terms: snapshot.index.terms.map((t) => new Set(t)),
    vocabulary,
    near: new NearTerms(vocabulary),
    postings: new Postings(idx),
  };
  return { kb, index, warnings: snapshot.warnings };
}
