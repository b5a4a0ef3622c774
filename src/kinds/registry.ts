/**
 * The registry of kinds: every reading the router asks, one line per kind folder
 * (`src/kinds/<kind>/candidates.ts` proposes readings, `answer.ts` builds their answers). The
 * order decides nothing but exact ties: scores do (near ties: `SPECIFICITY` in `router/choose.ts`).
 * The not-found reading is no generator: `router/choose.ts` scores it against every question.
 */
import type { Generator } from '../router/candidate';
import { clarifyCandidates } from './clarify/candidates';
import { compareCandidates } from './compare/candidates';
import { entryCandidates } from './entry/candidates';
import { facetCandidates, servicePassageCandidates } from './facet/candidates';
import { filterCandidates } from './filter/candidates';
import { helpCandidates } from './help/candidates';
import { lookupCandidates } from './lookup/candidates';
import { recommendCandidates } from './recommend/candidates';
import { slaCandidates } from './sla/candidates';

export const GENERATORS: readonly Generator[] = [
  helpCandidates,
  clarifyCandidates,
  slaCandidates,
  compareCandidates,
  entryCandidates,
  facetCandidates,
  filterCandidates,
  recommendCandidates,
  // Passage readings last: searching the index is the costliest reading on a large knowledge base.
  servicePassageCandidates,
  lookupCandidates,
];
