/**
 * Watches the knowledge directory and says when it changed, once the changes settle: a burst of
 * file events (an editor's save, `git pull`, a ConfigMap update) becomes one `onChange` call after
 * `debounceMs` of quiet. Only knowledge files count ({@link isKnowledgeChange}); any other file is
 * logged at debug and ignored.
 *
 * Kubernetes mounts a ConfigMap as `name -> ..data/name` with `..data -> ..<timestamp>`, and
 * updates it by writing a new `..<timestamp>` directory and renaming a new `..data` link over the
 * old one: the files' own names see no event, so a change to a name starting with `..` counts too.
 *
 * The watcher never stays off silently: after an error (a symlink loop that comes and goes, the
 * directory removed or replaced) it is closed, logged at warn, and armed again after a doubling
 * back-off (`rewatchMs` up to 30 s); each re-arm is followed by an `onChange` (changes may have
 * been missed meanwhile).
 *
 * Two `node:fs` watchers: a recursive one (files in subdirectories) and a plain one on the
 * directory itself, because Node 20's recursive watcher on Linux (emulated in JavaScript) reports
 * no event for a symbolic link created or renamed, so it never sees the `..data` swap; the plain
 * watcher does (test/server/knowledge-watcher.test.ts). Where recursive watching is unavailable,
 * the plain one alone.
 *
 * Not chokidar 4: what this needs beyond `fs.watch` is the debounce, the file filter, the `..data`
 * case and the re-arm after the watched directory itself is removed or replaced, and chokidar does
 * not watch a removed-then-recreated root again (paulmillr/chokidar#1278, #1463): the re-arm and
 * the filter would stay, and the dependency would replace only the two `watch` calls.
 */
import { type FSWatcher, watch as fsWatch, type WatchListener } from 'node:fs';
import type { Logger } from './logger';

/** Longest back-off between attempts to arm a failed watcher, in ms. */
export const MAX_REWATCH_MS = 30_000;

/** Knowledge files (markdown, YAML) and ConfigMap swaps (a name starting with `..`, such as `..data`). */
const KNOWLEDGE_CHANGE = /(\.(md|markdown|ya?ml)$)|(^|[\\/])\.\.[^\\/]*$/i;

/**
 * Whether a file event's name can change the knowledge base: a markdown or YAML file, or a
 * ConfigMap swap (`..data`, `..2026_01_02_…`). `null` (the platform did not say which file) counts.
 */
export function isKnowledgeChange(name: string | null): boolean {
  return name === null || KNOWLEDGE_CHANGE.test(name);
}

/** How a watcher is opened: `node:fs` `watch` (tests pass a wrapper to reach the real watcher). */
export type WatchFn = (dir: string, options: { recursive?: boolean; persistent: boolean }, listener: WatchListener<string>) => FSWatcher;

export interface KnowledgeWatcherOptions {
  /** The knowledge directory (absolute). */
  dir: string;
  /** Where decisions and failures are logged. */
  logger: Logger;
  /** Called once the changes settle, with why (`changed: databases.md`, `watch re-armed`); must not throw. */
  onChange: (reason: string) => void;
  /** Quiet time after the last relevant event before `onChange`, in ms. Default 300. */
  debounceMs?: number;
  /** First delay before arming a failed watcher again, in ms (doubling up to {@link MAX_REWATCH_MS}). Default 500. */
  rewatchMs?: number;
  /** Default `node:fs` `watch`. */
  watch?: WatchFn;
}

export class KnowledgeWatcher {
  private watchers: FSWatcher[] = [];
  private debounce: NodeJS.Timeout | undefined;
  private quiet: { promise: Promise<void>; resolve: () => void } | undefined;
  private rewatchTimer: NodeJS.Timeout | undefined;
  private rewatchDelay: number;
  private closed = false;
  private readonly watchFn: WatchFn;

  constructor(private readonly options: KnowledgeWatcherOptions) {
    this.rewatchDelay = options.rewatchMs ?? 500;
    this.watchFn = options.watch ?? fsWatch;
  }

  /** True while the directory is watched (false while waiting to re-arm). */
  get watching(): boolean {
    return this.watchers.length > 0;
  }

  /** True while a change waits for the quiet time to end. */
  get pending(): boolean {
    return this.debounce !== undefined;
  }

  /** Resolves when no change waits for its quiet time (at once when none does). */
  settled(): Promise<void> {
    return this.quiet?.promise ?? Promise.resolve();
  }

  /** Starts watching (recursively where the platform can); a failure is re-armed as described above. */
  start(): void {
    if (this.watching || this.rewatchTimer) return;
    this.closed = false;
    try {
      this.watchers = this.open();
    } catch (error) {
      this.failed(error);
      return;
    }
    for (const w of this.watchers) w.on('error', (error) => this.failed(error));
    this.options.logger.info({ dir: this.options.dir }, 'watching the knowledge directory for changes');
  }

  /** The recursive watcher and the plain one on the directory itself (see the module doc). */
  private open(): FSWatcher[] {
    const { dir, logger } = this.options;
    const onEvent: WatchListener<string> = (_event, filename) => {
      const name = filename === null ? null : String(filename);
      if (!isKnowledgeChange(name)) return void logger.debug({ file: name }, 'knowledge watch: not a knowledge file, ignored');
      this.changed(`changed: ${name ?? 'directory'}`);
    };
    let recursive: FSWatcher;
    try {
      recursive = this.watchFn(dir, { recursive: true, persistent: false }, onEvent);
    } catch {
      return [this.watchFn(dir, { persistent: false }, onEvent)];
    }
    // The directory's own entries (the `..data` swap, a new key's link); what else it reports, the recursive one logs.
    const onOwnEntry: WatchListener<string> = (_event, filename) => {
      if (filename !== null && isKnowledgeChange(String(filename))) this.changed(`changed: ${String(filename)}`);
    };
    try {
      return [recursive, this.watchFn(dir, { persistent: false }, onOwnEntry)];
    } catch (error) {
      recursive.close();
      throw error;
    }
  }

  /** Stops watching; a change waiting for its quiet time is dropped. */
  close(): void {
    this.closed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
    this.quiet?.resolve();
    this.quiet = undefined;
    if (this.rewatchTimer) clearTimeout(this.rewatchTimer);
    this.rewatchTimer = undefined;
    for (const w of this.watchers.splice(0)) w.close();
  }

  /** A relevant change: `onChange` after the quiet time (a later change restarts it). */
  private changed(reason: string): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (!this.quiet) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.quiet = { promise, resolve };
    }
    this.debounce = setTimeout(() => {
      const quiet = this.quiet;
      this.debounce = undefined;
      this.quiet = undefined;
      this.options.onChange(reason);
      quiet?.resolve();
    }, this.options.debounceMs ?? 300);
    this.debounce.unref();
  }

  /** The watcher failed (or could not start): closes it, logs, and arms it again after the back-off. */
  private failed(error: unknown): void {
    for (const w of this.watchers.splice(0)) w.close();
    if (this.closed || this.rewatchTimer) return;
    const delay = this.rewatchDelay;
    this.rewatchDelay = Math.min(delay * 2, MAX_REWATCH_MS);
    this.options.logger.warn(
      { err: error, retryMs: delay },
      `knowledge watch failed; watching again in ${delay} ms (SIGHUP reloads meanwhile)`,
    );
    this.rewatchTimer = setTimeout(() => {
      this.rewatchTimer = undefined;
      if (this.closed) return;
      this.start();
      if (this.watching) {
        this.rewatchDelay = this.options.rewatchMs ?? 500;
        this.changed('watch re-armed');
      }
    }, delay);
    this.rewatchTimer.unref();
  }
}
