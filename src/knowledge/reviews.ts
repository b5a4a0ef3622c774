/**
 * Who owns each knowledge file and when it was last reviewed, from the files' front matter:
 * what `aws-qa check --stale` lists.
 */
import type { FileMeta } from './front-matter';
import type { KnowledgeSources } from './load';

/** One knowledge file's owner and review date (either absent when its front matter does not say). */
export interface FileReview extends FileMeta {
  /** File name relative to the knowledge directory. */
  file: string;
}

/** The owner and review date of every markdown file of `sources`, in file order. Problems are `check`'s to report. */
export function fileReviews(sources: KnowledgeSources): FileReview[] {
  const { parseMarkdown } = require('./parse') as typeof import('./parse');
  return sources.markdown.map(({ file, text }) => ({ file, ...parseMarkdown(file, text).parsed.meta }));
}

/**
 * The files reviewed before `cutoff` (`YYYY-MM-DD`, compared as dates) or never, in file order.
 * ISO dates compare as strings.
 */
export function staleFiles(reviews: readonly FileReview[], cutoff: string): FileReview[] {
  return reviews.filter((r) => r.reviewed === undefined || r.reviewed < cutoff);
}
