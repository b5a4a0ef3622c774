/**
 * The facet ids the code relies on, declared once. `knowledge/services.yml` defines the facets
 * (their question words and labels); these must be among them, so renaming one there fails
 * `aws-qa check` (see `schema.ts`) instead of silently breaking answers. Code names a facet by
 * these constants (never a literal), and tables over them are typed by {@link KnownFacet}.
 */
export const SLA_FACET = 'sla';
export const LIMITS_FACET = 'limits';
export const PRICING_FACET = 'pricing';
export const PROS_FACET = 'pros';
export const CONS_FACET = 'cons';
export const BEST_FOR_FACET = 'best-for';
export const LANGUAGES_FACET = 'languages';
/** What a service is: the knowledge base's statement of its kind ("a PaaS", "container orchestration"). */
export const DEFINITION_FACET = 'definition';

/** Every facet the code relies on. */
export const REQUIRED_FACETS = [SLA_FACET, LIMITS_FACET, PRICING_FACET, PROS_FACET, CONS_FACET, BEST_FOR_FACET, LANGUAGES_FACET, DEFINITION_FACET] as const;

/** A facet id the code relies on (the knowledge base may define more: those are plain strings). */
export type KnownFacet = (typeof REQUIRED_FACETS)[number];
