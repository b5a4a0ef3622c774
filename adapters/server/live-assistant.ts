/**
 * The current {@link Assistant}, reloadable without a restart. A reload (a change under the
 * knowledge directory, or an explicit {@link LiveAssistant.reload} such as on SIGHUP) builds a
 * whole new assistant from the directory, outside any request handler, and swaps it in in one
 * assignment: a request is answered by the old knowledge base or the new one, never a mix. An
 * invalid change is logged, one line per problem as `file:line: message`, kept as
 * {@link LiveAssistant.rejected} (the playground shows it), and the last good assistant keeps
 * serving.
 *
 * It composes one-concept parts:
 * - `knowledge-watcher.ts`: the directory watch (debounce, knowledge files and ConfigMap swaps,
 *   re-arm with back-off after an error);
 * - `reload-coalescer.ts`: one reload at a time, calls meanwhile coalesced into one more;
 * - `reload-memory.ts`: a reload that would not fit in the heap is refused before it is built;
 * - `platform-assistant.ts`: each adapter's `Assistant` and its per-question log line and question log.
 *
 * The files are read with asynchronous calls only (`readKnowledgeSourcesAsync`: regular files
 * only, each capped, the directory's total capped at `maxTotalBytes`), so answering continues while
 * a reload reads; a FIFO or a device among the files is refused, never waited on. Building the
 * index from what was read is synchronous (about 0.5–1 s for the shipped knowledge): requests
 * arriving during that wait for it; none fails.
 */
import { type Assistant, createAssistantFromSources, formatProblem, KnowledgeError, readKnowledgeSourcesAsync } from '../../src/index';
import { KnowledgeWatcher } from './knowledge-watcher';
import type { Logger } from './logger';
import { type Platform, platformAssistant, type QuestionEvent } from './platform-assistant';
import { ReloadCoalescer } from './reload-coalescer';
import { type HeapRoom, heapRefusal, heapRoomFor } from './reload-memory';

export type { Platform, QuestionEvent } from './platform-assistant';

export interface LiveAssistantOptions {
  /** The knowledge directory (absolute). */
  knowledgeDir: string;
  logger: Logger;
  /** Builds an assistant from the directory. Default: read asynchronously, then the core's `createAssistantFromSources`. */
  build?: (knowledgeDir: string) => Assistant | Promise<Assistant>;
  /** Quiet time after the last file event before reloading, in ms. Default 300. */
  debounceMs?: number;
  /** Called once per answered question (the store's question log); must not throw or wait. */
  onQuestion?: (event: QuestionEvent) => void;
  /** `KNOWLEDGE_MAX_BYTES`: the directory's largest total size. Default: the core's (20 MB). */
  maxTotalBytes?: number;
  /** First delay before re-arming a failed watcher, in ms (doubling up to 30 s). Default 500. */
  rewatchMs?: number;
  /**
   * Whether a reload of the directory fits in the heap (see `reload-memory.ts`); a reload that does
   * not is refused and the last good knowledge base keeps serving. Default {@link heapRoomFor}.
   */
  heapRoom?: (knowledgeDir: string) => HeapRoom;
}

/** A reload that was refused: when, and every problem (`file:line: message`). The last good knowledge keeps serving. */
export interface KnowledgeRejection {
  at: string;
  problems: string[];
}

export class LiveAssistant {
  private assistant: Assistant | undefined;
  private gen = 0;
  private rejection: KnowledgeRejection | undefined;
  private readonly build: (dir: string) => Assistant | Promise<Assistant>;
  private readonly log: Logger;
  private readonly reloads: ReloadCoalescer<boolean>;
  private readonly watcher: KnowledgeWatcher;

  constructor(private readonly options: LiveAssistantOptions) {
    this.build =
      options.build ??
      (async (knowledgeDir) =>
        createAssistantFromSources(await readKnowledgeSourcesAsync(knowledgeDir, { maxTotalBytes: options.maxTotalBytes })));
    this.log = options.logger.child({ component: 'knowledge' });
    this.reloads = new ReloadCoalescer((reason) => this.rebuild(reason));
    this.watcher = new KnowledgeWatcher({
      dir: options.knowledgeDir,
      logger: this.log,
      debounceMs: options.debounceMs,
      rewatchMs: options.rewatchMs,
      onChange: (reason) => void this.reload(reason),
    });
  }

  /** True once a knowledge base has been loaded. */
  get loaded(): boolean {
    return this.assistant !== undefined;
  }

  /** How many knowledge bases have been loaded (1 after {@link load}, +1 per successful reload). */
  get generation(): number {
    return this.gen;
  }

  /** The last reload refused since the last good one (the playground shows it), or undefined. */
  get rejected(): KnowledgeRejection | undefined {
    return this.rejection;
  }

  /** True while the directory is watched (false before {@link watch}, after {@link close}, and while a failed watcher waits to re-arm). */
  get watching(): boolean {
    return this.watcher.watching;
  }

  /** The current assistant; throws before the first load. */
  current(): Assistant {
    if (!this.assistant) throw new Error('the knowledge base is not loaded yet');
    return this.assistant;
  }

  /** The first load. Rejects with `KnowledgeError` (every problem) when the directory is invalid. */
  async load(): Promise<Assistant> {
    const started = performance.now();
    const next = await this.build(this.options.knowledgeDir);
    this.swap(next, started, 'startup');
    return next;
  }

  /**
   * Rebuilds from the directory and swaps the result in; resolves `true` when swapped, `false`
   * when refused (logged; the last good assistant stays). Calls made while a reload runs are
   * coalesced into one more reload after it.
   */
  reload(reason: string): Promise<boolean> {
    return this.reloads.run(reason);
  }

  /** Resolves once no reload is running or waiting for the watcher's quiet time. */
  async idle(): Promise<void> {
    while (this.watcher.pending || this.reloads.busy) {
      await this.watcher.settled();
      await this.reloads.settled();
    }
  }

  /** Watches the knowledge directory and reloads after changes settle (`knowledge-watcher.ts`). */
  watch(): void {
    this.watcher.start();
  }

  /** Stops watching (a running reload still completes). */
  close(): void {
    this.watcher.close();
  }

  /** An `Assistant` for `platform`: asks the current one, logs one line per question, feeds the question log. */
  forPlatform(platform: Platform): Assistant {
    return platformAssistant({ platform, current: () => this.current(), logger: this.options.logger, onQuestion: this.options.onQuestion });
  }

  private async rebuild(reason: string): Promise<boolean> {
    const started = performance.now();
    const room = (this.options.heapRoom ?? heapRoomFor)(this.options.knowledgeDir);
    if (!room.fits) {
      const { fields, message } = heapRefusal(room);
      this.log.error({ reason, ...fields }, message);
      return this.refused(reason);
    }
    let next: Assistant;
    try {
      next = await this.build(this.options.knowledgeDir);
    } catch (error) {
      if (error instanceof KnowledgeError) {
        const errors = error.problems.filter((q) => q.severity === 'error');
        for (const p of errors) {
          this.log.error({ file: p.file, line: p.line, reason }, `knowledge reload rejected: ${formatProblem(p)}`);
        }
        this.rejection = { at: new Date().toISOString(), problems: errors.map(formatProblem) };
      } else {
        this.log.error({ err: error, reason }, 'knowledge reload failed');
        this.rejection = { at: new Date().toISOString(), problems: ['the knowledge base could not be rebuilt (see the server log)'] };
      }
      return this.refused(reason);
    }
    this.swap(next, started, reason);
    return true;
  }

  /** Logs that the last good knowledge base keeps serving; resolves the reload as not swapped. */
  private refused(reason: string): false {
    this.log.error({ generation: this.gen, reason }, 'knowledge reload failed; still serving the last good knowledge base');
    return false;
  }

  private swap(next: Assistant, started: number, reason: string): void {
    this.assistant = next;
    this.rejection = undefined;
    this.gen += 1;
    const s = next.stats();
    for (const w of s.warnings) this.log.warn({ file: w.file, line: w.line }, `knowledge: ${formatProblem(w)}`);
    this.log.info(
      {
        generation: this.gen,
        reason,
        files: s.files.length,
        entries: s.entries,
        facts: s.facts,
        services: s.services,
        version: s.version,
        ms: Math.round(performance.now() - started),
      },
      this.gen === 1 ? 'knowledge base loaded' : 'knowledge base reloaded',
    );
  }
}
