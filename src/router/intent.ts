/**
 * The readings a candidate answer can be (its `intent`), as one string-literal union: every table
 * keyed by intent is a `Record<Intent, …>`, so a new intent does not compile until each table
 * (the tie-break rank in `choose.ts`, the answer's source in `features.ts`) says where it stands.
 */
export type Intent =
  /** What the bot can do (nothing named or asked). */
  | 'help'
  /** "Did you mean …?": a name as close to two services. */
  | 'clarify'
  /** Across services: the facts with a figure, past a bound, the lowest/highest, or none. */
  | 'filter'
  /** SLA figures of the services named, or the table. */
  | 'sla'
  /** Two or more services side by side. */
  | 'compare'
  /** An entry whose own question this is. */
  | 'entry'
  /** An entry that gives advice on a stated problem. */
  | 'advice'
  /** Facts of a named service that match what is asked. */
  | 'facet'
  /** The profile of a service named with nothing asked beyond its name. */
  | 'profile'
  /** The section about the services named that holds most of the question's words. */
  | 'section'
  /** The service whose best-for and pros match a need described. */
  | 'recommend'
  /** The indexed passages holding most of the question's words. */
  | 'lookup';

/**
 * What the choice can answer with: a candidate's intent, a partial answer built on one (it names
 * what the knowledge base does not cover), or the not-found reading.
 */
export type Reading = Intent | `${Intent}+partial` | 'not-found';
