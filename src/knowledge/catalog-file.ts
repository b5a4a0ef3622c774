/** The catalog's file name and its empty value; no parser here, so loading it stays cheap. */
import type { ServicesFile } from './schema';

export const CATALOG_FILE = 'services.yml';

/** The catalog used when the directory has no `services.yml`: names then come from the markdown alone. */
export function emptyCatalog(): ServicesFile {
  return { services: [], outOfScope: [], facets: {}, synonyms: {}, domainWords: [], vendors: [] };
}
