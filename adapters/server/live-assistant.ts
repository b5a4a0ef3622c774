/**
 * The current {@link Assistant}, reloadable without a restart. A reload (a change under the
 * knowledge directory, debounced, or an explicit {@link LiveAssistant.reload} such as on SIGHUP)
 * builds a whole new assistant from the directory, outside any request handler, and swaps it in
 * in one assignment: a request is answered by the old knowledge base or the new one, never a mix.
 * An invalid change is logged, one line per problem as `file:line: message`, and the last good
 * assistant keeps serving.
 *
 * The files are read with asynchronous calls only (`readKnowledgeSourcesAsync`: regular files
 * only, each capped, the directory's total capped at `maxTotalBytes`), so answering continues while
 * a reload reads; a FIFO or a device among the files is refused, never waited on. Building the
 * index from what was read is synchronous (about 0.5–1 s for the shipped knowledge): requests
 * arriving during that wait for it; none fails.
 *
 * The watcher never stays off silently: after an error (a symlink loop that comes and goes, the
 * directory replaced) it is closed, logged, and re-armed with a doubling backoff (0.5 s to 30 s),
 * and a reload follows each re-arm (changes may have been missed meanwhile).
 *
 * {@link LiveAssistant.forPlatform} gives each adapter a stable `Assistant` that always asks the
 * current one and writes the single per-question log line: platform, intent, kind, answered,
 * latency (the request id comes from the logger's mixin). It caps the text once, with the core's
 * `capQuestion` (4,000 characters, 64 per word), before the engine or the question log reads it.
 */
import { type FSWatcher, watch } from 'node:fs';
import {
  type AskContext,
  type Assistant,
  capQuestion,
  capWords,
  createAssistantFromSources,
  formatProblem,
  KnowledgeError,
  MAX_QUESTION_WORD,
  readKnowledgeSourcesAsync,
} from '../../src/index';
import type { Logger } from './logger';
import { type HeapRoom, heapRoomFor, mb } from './reload-memory';

/** Who asked: the platform in the per-question log line. */
export type Platform = 'slack' | 'teams' | 'web';

export interface LiveAssistantOptions {
  /** The knowledge directory (absolute). */
  knowledgeDir: string;
  logger: Logger;
  /** Builds an assistant from the directory. Default: read asynchronously, then the core's `createAssistantFromSources`. */
  build?: (knowledgeDir: string) => Assistant | Promise<Assistant>;
  /** Quiet time after the last file event before reloading, in ms. Default 300. */
  debounceMs?: number;
  /** Called once per answered question (the store's question log); must not throw or wait. */
  onQuestion?: (event: { platform: Platform; question: string; intent: string; answer: ReturnType<Assistant['ask']> } & AskContext) => void;
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

const MAX_REWATCH_MS = 30_000;

/** Longest run of non-space characters handed to the engine (the core's `MAX_QUESTION_WORD`). */
export const MAX_WORD_LENGTH = MAX_QUESTION_WORD;

/** Cuts every run of non-whitespace longer than {@link MAX_WORD_LENGTH} characters (the core's `capWords`). */
export const capWordLength = capWords;

/** Files whose change triggers a reload: markdown, YAML, and Kubernetes ConfigMap swaps (`..data`). */
const RELEVANT = /(\.(md|markdown|ya?ml)$)|(^|[\\/])\.\.[^\\/]*$/i;

/** A reload that was refused: when, and every problem (`file:line: message`). The last good knowledge keeps serving. */
export interface KnowledgeRejection {
  at: string;
  problems: string[];
}

export class LiveAssistant {
  private assistant: Assistant | undefined;
  private gen = 0;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  private again = false;
  private rewatchTimer: NodeJS.Timeout | undefined;
  private rewatchDelay: number;
  private closed = false;
  private readonly build: (dir: string) => Assistant | Promise<Assistant>;
  private readonly log: Logger;

  constructor(private readonly options: LiveAssistantOptions) {
    this.build =
      options.build ??
      (async (knowledgeDir) =>
        createAssistantFromSources(await readKnowledgeSourcesAsync(knowledgeDir, { maxTotalBytes: options.maxTotalBytes })));
    this.log = options.logger.child({ component: 'knowledge' });
    this.rewatchDelay = options.rewatchMs ?? 500;
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

  private rejection: KnowledgeRejection | undefined;

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
   * when the change was invalid (logged; the last good assistant stays). Calls made while a
   * reload runs are coalesced into one more reload after it.
   */
  reload(reason: string): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let swapped: boolean;
      do {
        this.again = false;
        await new Promise<void>((resolve) => setImmediate(resolve)); // off the current call stack
        swapped = await this.rebuild(reason);
      } while (this.again);
      return swapped;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once no reload is running or scheduled (tests). */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Watches the knowledge directory (recursively where supported) and reloads after changes settle. */
  watch(): void {
    if (this.watcher || this.rewatchTimer) return;
    this.closed = false;
    const onEvent = (_event: string, filename: string | Buffer | null): void => {
      const name = filename === null ? null : String(filename);
      if (name !== null && !RELEVANT.test(name))
        return void this.log.debug({ file: name }, 'knowledge watch: not a knowledge file, ignored');
      this.schedule(`changed: ${name ?? 'directory'}`);
    };
    try {
      try {
        this.watcher = watch(this.options.knowledgeDir, { recursive: true, persistent: false }, onEvent);
      } catch {
        this.watcher = watch(this.options.knowledgeDir, { persistent: false }, onEvent);
      }
    } catch (error) {
      this.rewatch(error);
      return;
    }
    this.watcher.on('error', (error) => this.rewatch(error));
    this.log.info({ dir: this.options.knowledgeDir }, 'watching the knowledge directory for changes');
  }

  /** Stops watching (a running reload still completes). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.rewatchTimer) clearTimeout(this.rewatchTimer);
    this.rewatchTimer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** A reload after the debounce quiet time. */
  private schedule(reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload(reason);
    }, this.options.debounceMs ?? 300);
    this.timer.unref();
  }

  /** The watcher failed: closes it, logs, and arms it again after a backoff (then reloads). */
  private rewatch(error: unknown): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.closed || this.rewatchTimer) return;
    const delay = this.rewatchDelay;
    this.rewatchDelay = Math.min(delay * 2, MAX_REWATCH_MS);
    this.log.warn({ err: error, retryMs: delay }, `knowledge watch failed; watching again in ${delay} ms (SIGHUP reloads meanwhile)`);
    this.rewatchTimer = setTimeout(() => {
      this.rewatchTimer = undefined;
      if (this.closed) return;
      this.watch();
      if (this.watcher) {
        this.rewatchDelay = this.options.rewatchMs ?? 500;
        this.schedule('watch re-armed');
      }
    }, delay);
    this.rewatchTimer.unref();
  }

  /**
   * An `Assistant` for `platform` that asks the current one and logs one line per question (with
   * the `reqId` its context names), then hands it to `onQuestion` (the question log) with who asked.
   */
  forPlatform(platform: Platform): Assistant {
    const route: Assistant['route'] = (raw, context = {}) => {
      const started = performance.now();
      // The one cap, before anything reads the text: the engine and the question log get the same capped text.
      const question = capQuestion(raw);
      const result = this.current().route(question, context);
      const { answer, intent } = result;
      this.options.logger.info(
        {
          reqId: context.requestId, // pino leaves an undefined field out
          platform,
          intent,
          kind: answer.kind,
          answered: answer.answered,
          confidence: answer.confidence,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
        'question answered',
      );
      try {
        this.options.onQuestion?.({ platform, question, intent, answer, asker: context.asker, log: context.log });
      } catch (error) {
        this.options.logger.warn({ err: { message: (error as Error).message } }, 'question log failed; answer unaffected');
      }
      return result;
    };
    return { route, ask: (question, context) => route(question, context).answer, stats: () => this.current().stats() };
  }

  /** True while the watcher is armed (tests). */
  get watching(): boolean {
    return this.watcher !== undefined;
  }

  private async rebuild(reason: string): Promise<boolean> {
    const started = performance.now();
    const room = (this.options.heapRoom ?? heapRoomFor)(this.options.knowledgeDir);
    if (!room.fits) {
      this.log.error(
        { reason, markdownMb: mb(room.markdown), neededMb: mb(room.needed), availableMb: mb(room.available) },
        `knowledge reload refused: building ${mb(room.markdown)} MB of markdown needs about ${mb(room.needed)} MB of heap and ${mb(room.available)} MB is left under the heap limit (--max-old-space-size in adapters/server/node-flags); raise the limit or split the knowledge base`,
      );
      this.log.error({ generation: this.gen, reason }, 'knowledge reload failed; still serving the last good knowledge base');
      return false;
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
      this.log.error({ generation: this.gen, reason }, 'knowledge reload failed; still serving the last good knowledge base');
      return false;
    }
    this.swap(next, started, reason);
    return true;
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
