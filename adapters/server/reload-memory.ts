/**
 * The reload memory guard. A reload builds the new knowledge base while the old one keeps
 * serving, so for a moment both are in the heap. If the new one would not fit under V8's heap
 * limit (`--max-old-space-size`, `adapters/server/node-flags`), building it would crash the whole
 * process with "JavaScript heap out of memory", and the orchestrator would restart it into the
 * same knowledge, every time. So before building, the heap the build needs is estimated from the
 * size of the markdown, and a reload that would not fit is refused: logged, and the last good
 * knowledge base keeps serving.
 *
 * The estimate is linear in the markdown's size, from measurements of the build (`npm run bench`,
 * "knowledge at scale" rows; docs/deploy.md): the heap a build takes at its peak, per MB of
 * markdown, plus a fixed margin, both rounded up.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';

const MB = 1024 * 1024;
/** Heap a build needs at its peak per byte of markdown (measured ~24 at 5 MB with --trace-gc; rounded up). */
export const BUILD_HEAP_PER_MARKDOWN_BYTE = 28;
/** Heap a build needs whatever the size (parsers, catalog, memo tables). */
export const BUILD_HEAP_BASE_BYTES = 16 * MB;

/** Total size in bytes of the markdown files under `dir` (regular files only; unreadable entries skipped). */
export function markdownBytes(dir: string): number {
  let total = 0;
  const walk = (d: string, depth: number): void => {
    if (depth > 16) return;
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(d, name);
      try {
        const st = statSync(full);
        if (st.isDirectory()) walk(full, depth + 1);
        else if (st.isFile() && /\.(md|markdown)$/i.test(name)) total += st.size;
      } catch {
        // a dangling link or a file removed meanwhile: the build reports it
      }
    }
  };
  walk(dir, 0);
  return total;
}

/** The heap (bytes) a build of `bytes` of markdown is estimated to need at its peak. */
export function buildHeapEstimate(bytes: number): number {
  return BUILD_HEAP_BASE_BYTES + bytes * BUILD_HEAP_PER_MARKDOWN_BYTE;
}

export interface HeapRoom {
  /** Heap the build needs (estimate), bytes. */
  needed: number;
  /** Heap left under the limit now, bytes. */
  available: number;
  /** Markdown size, bytes. */
  markdown: number;
  fits: boolean;
}

/**
 * Whether a build of `dir` fits in the heap left now. `heap` (tests): the heap statistics to use,
 * default V8's own (`heap_size_limit` minus `used_heap_size`).
 */
export function heapRoomFor(dir: string, heap: { limit: number; used: number } = currentHeap()): HeapRoom {
  const markdown = markdownBytes(dir);
  const needed = buildHeapEstimate(markdown);
  const available = Math.max(0, heap.limit - heap.used);
  return { needed, available, markdown, fits: needed <= available };
}

function currentHeap(): { limit: number; used: number } {
  const h = getHeapStatistics();
  return { limit: h.heap_size_limit, used: h.used_heap_size };
}

/** A size in MB for a log line. */
export const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/** The log line of a refused reload: its fields (sizes in MB) and its message, naming the remedy. */
export function heapRefusal(room: HeapRoom): { fields: Record<string, number>; message: string } {
  const [markdown, needed, available] = [mb(room.markdown), mb(room.needed), mb(room.available)];
  return {
    fields: { markdownMb: markdown, neededMb: needed, availableMb: available },
    message: `knowledge reload refused: building ${markdown} MB of markdown needs about ${needed} MB of heap and ${available} MB is left under the heap limit (--max-old-space-size in adapters/server/node-flags); raise the limit or split the knowledge base`,
  };
}
