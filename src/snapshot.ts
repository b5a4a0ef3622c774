/**
 * Snapshots: a built knowledge base and its index as plain JSON, so a short-lived process (the
 * CLI) can start without parsing markdown or rebuilding the index. A snapshot records the
 * fingerprint of the sources it was built from; restoring checks its format version only, the
 * caller compares fingerprints. Pure: no file I/O here.
 */
import { EntityRegistry, type Entity } from './knowledge/entities';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { KnowledgeProblem } from './knowledge/problems';
import { termNumbering, type PassageIndex } from './search/build-index';
import { seedStems, stemEntries } from './text/tokens';
import { NearTerms } from './search/near-terms';
import { TermRuns } from './search/term-runs';
import { Postings } from './search/postings';

/** Bumped whenever the snapshot layout or anything it stores changes meaning. */
const SNAPSHOT_FORMAT = 4;

export interface KnowledgeSnapshot {
  format: number;
  /** `knowledgeFingerprint` of the sources. */
  fingerprint: string;
  kb: Omit<KnowledgeBase, 'registry' | 'covered' | 'factsByEntity'> & { covered: string[]; factsByEntity: [string, number[]][] };
  entities: Entity[];
  /** The registry's vendor words. */
  vendors: string[];
  /** The passage index; typed arrays as base64 of their bytes (little-endian, as written). */
  index: {
    terms: string[];
    offsets: string;
    docs: string;
    fields: string;
    weights: string;
    fieldCount: number;
    docCount: number;
    passageStarts: string;
    passageIds: string;
    extraTerms: string[];
    vocabulary: string[];
  };
  warnings: KnowledgeProblem[];
  /** Word → stem pairs known when the snapshot was taken (the knowledge base's words), to seed the stem memo. */
  stems: [string, string][];
}

export function takeSnapshot(fingerprint: string, kb: KnowledgeBase, index: PassageIndex, warnings: KnowledgeProblem[]): KnowledgeSnapshot {
  const { registry, covered, factsByEntity, ...plain } = kb;
  const p = index.postings.data;
  return {
    format: SNAPSHOT_FORMAT,
    fingerprint,
    kb: { ...plain, covered: [...covered], factsByEntity: [...factsByEntity.entries()] },
    entities: [...registry.all()],
    vendors: [...registry.vendors],
    index: {
      terms: p.terms,
      offsets: b64(p.offsets),
      docs: b64(p.docs),
      fields: b64(p.fields),
      weights: b64(p.weights),
      fieldCount: p.fieldCount,
      docCount: p.docCount,
      passageStarts: b64(index.terms.starts),
      passageIds: b64(index.terms.ids),
      extraTerms: [...index.terms.extraTerms],
      vocabulary: [...index.vocabulary],
    },
    warnings,
    stems: stemEntries(),
  };
}

/** The knowledge base and index of a snapshot; throws when its format is not this version's. */
export function restoreSnapshot(snapshot: KnowledgeSnapshot): { kb: KnowledgeBase; index: PassageIndex; warnings: KnowledgeProblem[] } {
  if (!snapshot || snapshot.format !== SNAPSHOT_FORMAT)
    throw new Error(`snapshot format ${String(snapshot?.format)} is not ${SNAPSHOT_FORMAT}`);
  seedStems(snapshot.stems);
  const kb: KnowledgeBase = {
    ...snapshot.kb,
    registry: EntityRegistry.restore(snapshot.entities, snapshot.vendors),
    covered: new Set(snapshot.kb.covered),
    factsByEntity: new Map(snapshot.kb.factsByEntity),
  };
  const s = snapshot.index;
  const vocabulary = new Set(s.vocabulary);
  const postings = new Postings({
    terms: s.terms,
    offsets: new Int32Array(bytes(s.offsets)),
    docs: new Int32Array(bytes(s.docs)),
    fields: new Uint8Array(bytes(s.fields)),
    weights: new Float64Array(bytes(s.weights)),
    fieldCount: s.fieldCount,
    docCount: s.docCount,
  });
  const index: PassageIndex = {
    terms: new TermRuns(
      termNumbering(postings, s.extraTerms),
      new Int32Array(bytes(s.passageStarts)),
      new Int32Array(bytes(s.passageIds)),
      s.extraTerms,
    ),
    vocabulary,
    near: new NearTerms(vocabulary),
    postings,
  };
  return { kb, index, warnings: snapshot.warnings };
}

function b64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** The bytes of a base64 string in a fresh, aligned buffer. */
function bytes(text: string): ArrayBuffer {
  const b = Buffer.from(text, 'base64');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
