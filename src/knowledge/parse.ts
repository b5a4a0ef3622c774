/**
 * Markdown → entries, with markdown-it (CommonMark + GFM tables). Every `##` heading starts a
 * Q&A entry; paragraphs, lists (nested), tables and code blocks under it become blocks with
 * their line numbers. YAML front matter at the top (`owner`, `reviewed`) is found by
 * markdown-it's front-matter plugin and read by `front-matter.ts`. Structural problems are
 * returned, never thrown.
 */
import MarkdownIt = require('markdown-it');
import frontMatterPlugin = require('markdown-it-front-matter');
type Token = MarkdownIt.Token;
import type { Block, Entry, ListItem, ParsedFile } from './document';
import { parseFrontMatter } from './front-matter';
import type { KnowledgeProblem } from './problems';

// The plugin's callback is not needed: the block is read from its `front_matter` token.
const md = new MarkdownIt('commonmark', { html: false }).enable('table').use(frontMatterPlugin, () => undefined);

/** Plain text of an inline token: text and code kept, breaks become spaces, markup dropped. */
function inlineText(token: Token | undefined): string {
  if (!token?.children) return (token?.content ?? '').trim();
  let out = '';
  for (const c of token.children) {
    if (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
    else if (c.type === 'image') out += c.content;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The bold text an inline token opens with (`**AWS Lambda**: …` → `AWS Lambda`). */
function leadingStrong(token: Token | undefined): string | undefined {
  const kids = (token?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  if (kids[0]?.type !== 'strong_open') return undefined;
  let out = '';
  for (const c of kids.slice(1)) {
    if (c.type === 'strong_close') break;
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
  }
  return out.trim() || undefined;
}

const lineOf = (t: Token | undefined): number => (t?.map ? t.map[0] + 1 : 0);

class BlockReader {
  i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Reads blocks until a token of type `until` (exclusive) or a heading of level ≤ 2 at top level. */
  readBlocks(until?: string): Block[] {
    const blocks: Block[] = [];
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (until && t.type === until) return blocks;
      if (!until && t.type === 'heading_open' && (t.tag === 'h1' || t.tag === 'h2')) return blocks;
      const block = this.readBlock();
      if (block) blocks.push(block);
    }
    return blocks;
  }

  private readBlock(): Block | undefined {
    const t = this.tokens[this.i];
    switch (t.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const inline = this.tokens[this.i + 1];
        this.i += 3;
        const text = inlineText(inline);
        return text ? { type: 'paragraph', text, line: lineOf(t) } : undefined;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.readList(t);
      case 'table_open':
        return this.readTable(t);
      case 'fence':
      case 'code_block':
        this.i += 1;
        return { type: 'code', lang: t.info.trim(), text: t.content, line: lineOf(t) };
      default:
        this.i += 1;
        return undefined;
    }
  }

  private readList(open: Token): Block {
    const close = open.type.replace('_open', '_close');
    const items: ListItem[] = [];
    this.i += 1;
    while (this.i < this.tokens.length && this.tokens[this.i].type !== close) {
      const t = this.tokens[this.i];
      if (t.type !== 'list_item_open') { this.i += 1; continue; }
      this.i += 1;
      let text = '';
      let strong: string | undefined;
      if (this.tokens[this.i]?.type === 'paragraph_open') {
        const inline = this.tokens[this.i + 1];
        text = inlineText(inline);
        strong = leadingStrong(inline);
        this.i += 3;
      }
      const children = this.readBlocks('list_item_close');
      this.i += 1;
      // Most items are leaves: they share one empty list (a knowledge base of 5 MB has ~10^5 items).
      items.push({ text, ...(strong === undefined ? {} : { strong }), line: lineOf(t), children: children.length ? children : NO_CHILDREN });
    }
    this.i += 1;
    return { type: 'list', ordered: open.type === 'ordered_list_open', items, line: lineOf(open) };
  }

  private readTable(open: Token): Block {
    const header: string[] = [];
    const rows: { cells: string[]; line: number }[] = [];
    let row: string[] | undefined;
    let rowLine = 0;
    let inHead = false;
    for (this.i += 1; this.i < this.tokens.length && this.tokens[this.i].type !== 'table_close'; this.i += 1) {
      const t = this.tokens[this.i];
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open') { row = []; rowLine = lineOf(t); }
      else if (t.type === 'inline' && row) row.push(inlineText(t));
      else if (t.type === 'tr_close' && row) {
        if (inHead) header.push(...row);
        else rows.push({ cells: row, line: rowLine });
        row = undefined;
      }
    }
    this.i += 1;
    return { type: 'table', header, rows, line: lineOf(open) };
  }
}

/** The children of every leaf list item: one shared, frozen empty list. */
const NO_CHILDREN = Object.freeze([]) as unknown as Block[];

/** Parses one knowledge file. `file` is the name used in sources and problems. */
export function parseMarkdown(file: string, source: string): { parsed: ParsedFile; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const tokens = md.parse(source, {});
  const reader = new BlockReader(tokens);
  const parsed: ParsedFile = { file, entries: [] };
  if (tokens[0]?.type === 'front_matter') {
    // `map[0]` is the opening `---` line (0-based): the YAML starts on the line after it.
    const front = parseFrontMatter(file, String(tokens[0].meta ?? ''), lineOf(tokens[0]) + 1);
    problems.push(...front.problems);
    if (front.meta.owner !== undefined || front.meta.reviewed !== undefined) parsed.meta = front.meta;
    reader.i = 1;
  }
  while (reader.i < tokens.length) {
    const t = tokens[reader.i];
    if (t.type === 'heading_open' && (t.tag === 'h1' || t.tag === 'h2')) {
      const text = inlineText(tokens[reader.i + 1]);
      reader.i += 3;
      if (t.tag === 'h1') {
        parsed.title ??= text;
        continue;
      }
      const blocks = reader.readBlocks();
      if (!text) problems.push({ file, line: lineOf(t), severity: 'error', message: 'empty `##` heading' });
      else if (blocks.length === 0) problems.push({ file, line: lineOf(t), severity: 'error', message: `question "${text}" has no answer under it` });
      else parsed.entries.push({ file, question: text, line: lineOf(t), blocks });
      continue;
    }
    const before = reader.readBlocks();
    if (before.length === 0) reader.i += 1;
  }
  if (parsed.entries.length === 0 && problems.length === 0) {
    problems.push({ file, line: 0, severity: 'error', message: 'no Q&A entries: start each question with a `## ` heading' });
  }
  for (const entry of parsed.entries) checkTables(entry, problems);
  return { parsed, problems };
}

function checkTables(entry: Entry, problems: KnowledgeProblem[]): void {
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'list') b.items.forEach((it) => visit(it.children));
      if (b.type !== 'table') continue;
      if (b.rows.length === 0) {
        problems.push({ file: entry.file, line: b.line, severity: 'error', message: 'table has a header but no rows' });
      }
      for (const r of b.rows) {
        r.cells.forEach((cell, c) => {
          if (cell === '') {
            problems.push({
              file: entry.file, line: r.line, severity: c === 0 ? 'error' : 'warning',
              message: `table row has an empty cell under "${b.header[c] ?? `column ${c + 1}`}"`,
            });
          }
        });
      }
    }
  };
  visit(entry.blocks);
}
