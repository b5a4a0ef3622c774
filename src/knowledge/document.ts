/**
 * The parsed shape of a knowledge file: `##` questions (entries) holding blocks, as the
 * markdown parser saw them. Text is plain (inline markup resolved, entities decoded).
 */
import type { FileMeta } from './front-matter';

export interface ListItem {
  /** The item's own first paragraph, plain text. */
  text: string;
  /** The bold text the item opens with, if any (`**AWS Lambda (Serverless)**`). */
  strong?: string;
  /** 1-based line. */
  line: number;
  /** Nested lists and further paragraphs. */
  children: Block[];
}

export type Block =
  | { type: 'paragraph'; text: string; line: number }
  | { type: 'list'; ordered: boolean; items: ListItem[]; line: number }
  | { type: 'table'; header: string[]; rows: { cells: string[]; line: number }[]; line: number }
  | { type: 'code'; lang: string; text: string; line: number };

/** One Q&A entry: a `##` question and everything under it until the next `#`/`##`. */
export interface Entry {
  /** File name relative to the knowledge directory. */
  file: string;
  /** The question heading, plain text, trimmed. */
  question: string;
  /** 1-based line of the heading. */
  line: number;
  /** `###` sub-headings are kept as paragraphs of their own; blocks are in document order. */
  blocks: Block[];
}

export interface ParsedFile {
  file: string;
  /** The file's front matter (`owner`, `reviewed`), when it has any. */
  meta?: FileMeta;
  /** The `#` title, if the file has one. */
  title?: string;
  entries: Entry[];
}
