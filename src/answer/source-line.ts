/**
 * How every surface names a source: `aws-qa.md › What is …?`, followed by the file's review
 * date when its front matter gives one (`reviewed 2024-01-15`), so a reader can judge how fresh
 * a figure is. Plain text: each renderer escapes it for its platform.
 */
import type { Source } from '../knowledge/source';

/** `reviewed 2024-01-15`, or `''` when the file names no review date. */
export function reviewedNote(source: Pick<Source, 'reviewed'>): string {
  return source.reviewed ? `reviewed ${source.reviewed}` : '';
}

/** `file › section`, then ` · reviewed YYYY-MM-DD` when the file was reviewed. */
export function sourceLabel(source: Source): string {
  const note = reviewedNote(source);
  return `${source.file} › ${source.section}${note ? ` · ${note}` : ''}`;
}
