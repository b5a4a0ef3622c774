/** Zod schema of `knowledge/services.yml`; the types come from it. */
import { z } from 'zod';
import { REQUIRED_FACETS } from './facet-ids';

const name = z.string().trim().min(1, 'must not be empty').max(100);

const serviceSchema = z.strictObject({
  /** Canonical display name, e.g. `Amazon EKS`. */
  name,
  /** Short label for columns and buttons, e.g. `EKS`. Default: the name without `AWS`/`Amazon`. */
  short: name.optional(),
  /** Other names users type: expansions, abbreviations, spellings. */
  aliases: z.array(name).default([]),
  /**
   * The name without `AWS`/`Amazon` is an everyday word (`Batch`, `Glue`): only `AWS Batch`
   * names the service, "batch jobs" does not. Default false.
   */
  vendorRequired: z.boolean().default(false),
});

const facetSchema = z.strictObject({
  title: name,
  ask: z.array(name).min(1),
  attributes: z.array(name).min(1),
  values: z.array(name).default([]),
});

export const servicesFileSchema = z.strictObject({
  services: z.array(serviceSchema).default([]),
  outOfScope: z.array(z.strictObject({ name, aliases: z.array(name).default([]) })).default([]),
  /**
   * Words users type for words the knowledge base uses (`images: [photos, pictures]`): a question's
   * word is read as the knowledge base's word. Knowledge-base vocabulary, so it lives here, not in code.
   */
  synonyms: z.record(name, z.array(name).min(1)).default({}),
  /**
   * Words of the knowledge base's domain that any question may use and that name no subject of
   * their own (`aws`, `cloud`, `region`): never read as something the knowledge base lacks.
   */
  domainWords: z.array(name).default([]),
  /** The vendor's words before a service name (`AWS`, `Amazon`): optional, except before a `vendorRequired` name. */
  vendors: z.array(name).default([]),
  /** What the knowledge base is about, as the help and not-found answers say it. */
  domain: z
    .strictObject({
      /** Whose services it covers (`AWS`): "covers AWS services only". */
      name,
      /** The questions it answers (`AWS architecture questions`): "I answer AWS architecture questions …". */
      questions: name,
      /** What it answers them with, one line (`availability SLAs, service comparisons (X vs Y), …`). */
      topics: z.string().trim().min(1).max(300),
    })
    .optional(),
  facets: z.record(z.string().regex(/^[a-z][a-z-]*$/, 'facet ids are lower-case words'), facetSchema).default({})
    // A file that defines facets must define those the answers rely on (an empty list keeps none).
    .refine((f) => Object.keys(f).length === 0 || REQUIRED_FACETS.every((id) => id in f), {
      message: `must define the facets the answers rely on: ${REQUIRED_FACETS.join(', ')}`,
    }),
});

export type FacetSpec = z.infer<typeof facetSchema>;
export type ServicesFile = z.infer<typeof servicesFileSchema>;
