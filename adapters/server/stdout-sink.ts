/**
 * Where the server's log lines go by default: stdout, buffered, and never able to keep the server
 * from answering or from stopping, whatever the reader of stdout does.
 *
 * pino's own destination (sonic-boom 4) retries a failed synchronous flush in a loop that only
 * ends when the write succeeds: with stdout's reader gone (`npm start | head`, a log shipper
 * restarting) the flush at exit met `EPIPE` for ever, and the process ignored SIGTERM (its event
 * loop never ran again; only SIGKILL stopped it). This sink:
 *
 * - buffers lines and writes them asynchronously in writes of at least `minLength` bytes, and
 *   whatever is buffered at most `flushMs` after it was logged (one system call for many lines);
 *   lines wait as the strings pino made and are encoded once per write, not copied into a buffer
 *   of their own each (a line per answered question: that copy was a third of the sink's cost);
 * - on `EPIPE` (or any write error but `EAGAIN`) stops writing for good: every line from then on
 *   is dropped and counted ({@link StdoutSink.dropped}), and one line says so on stderr;
 * - bounds what it holds (`maxBytes`; the oldest lines are dropped and counted beyond it), and
 *   bounds the synchronous flush at exit (`flushSyncMs` of `EAGAIN` retries at most: a reader that
 *   stopped reading cannot hold the process).
 */
import { write, writeSync } from 'node:fs';

export interface StdoutSinkOptions {
  /** The file descriptor. Default 1 (stdout). */
  fd?: number;
  /** Smallest asynchronous write, in bytes. Default 4,096. */
  minLength?: number;
  /** Longest a line waits in the buffer, in ms. Default 200. */
  flushMs?: number;
  /** Most bytes held while the reader is slow; the oldest lines are dropped beyond it. Default 8 MB. */
  maxBytes?: number;
  /** Longest the synchronous flush (at exit, after a fatal line) retries a full pipe, in ms. Default 1,000. */
  flushSyncMs?: number;
  /** Where the one "stdout is closed" line goes. Default stderr (fd 2). */
  notice?: (text: string) => void;
}

export interface StdoutSink {
  /** pino's destination interface: one finished line. */
  write(line: string): void;
  /** Writes what is buffered now, synchronously and within `flushSyncMs` (pino calls it after a `fatal` line; the sink at exit). */
  flushSync(): void;
  /** Lines dropped so far (the reader gone, or over `maxBytes`). */
  readonly dropped: number;
  /** True once a write failed for good (`EPIPE`): nothing is written any more. */
  readonly broken: boolean;
}

/** Sleeps `ms` synchronously (the synchronous flush's pause before retrying a full pipe). */
const sleepSync = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function createStdoutSink(options: StdoutSinkOptions = {}): StdoutSink {
  const fd = options.fd ?? 1;
  const minLength = options.minLength ?? 4096;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const notice =
    options.notice ??
    ((text: string) => {
      try {
        writeSync(2, text);
      } catch {
        // stderr is gone too: nothing left to tell
      }
    });
  /** Lines (or the unwritten rest of a chunk) waiting, oldest first; `queued` counts their UTF-8 bytes. */
  let queue: (string | Buffer)[] = [];
  let queued = 0;
  let writing = false;
  let broken = false;
  let dropped = 0;

  const breakDown = (error: NodeJS.ErrnoException, lost: number): void => {
    if (broken) return;
    broken = true;
    dropped += lost + queue.length;
    queue = [];
    queued = 0;
    clearInterval(timer);
    notice(`aws-qa: log output failed (${error.code ?? error.message}): log lines are dropped (and counted) from now on\n`);
  };

  const timer = setInterval(() => flush(), options.flushMs ?? 200);
  timer.unref();

  /** Everything waiting, as one buffer (strings encoded here, once; a rest left by a short write stays a buffer). */
  const take = (): Buffer => {
    const chunk = queue.every((part) => typeof part === 'string')
      ? Buffer.from(queue.join(''), 'utf8')
      : Buffer.concat(queue.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
    queue = [];
    queued = 0;
    return chunk;
  };

  const flush = (): void => {
    if (writing || broken || queued === 0) return;
    writing = true;
    const lines = queue.length;
    const chunk = take();
    write(fd, chunk, 0, chunk.length, null, (error, written) => {
      writing = false;
      if (error) {
        if (error.code === 'EAGAIN') {
          queue.unshift(chunk);
          queued += chunk.length;
        } else breakDown(error, lines);
        return;
      }
      if (written < chunk.length) {
        const rest = chunk.subarray(written);
        queue.unshift(rest);
        queued += rest.length;
      }
      if (queued >= minLength) flush();
    });
  };

  const sink: StdoutSink = {
    write(line: string) {
      if (broken) {
        dropped += 1;
        return;
      }
      queue.push(line);
      queued += Buffer.byteLength(line, 'utf8');
      while (queued > maxBytes && queue.length > 1) {
        const oldest = queue.shift()!;
        queued -= typeof oldest === 'string' ? Buffer.byteLength(oldest, 'utf8') : oldest.length;
        dropped += 1;
      }
      if (queued >= minLength) flush();
    },
    flushSync() {
      if (broken || queued === 0) return;
      const lines = queue.length;
      const chunk = take();
      const deadline = Date.now() + (options.flushSyncMs ?? 1000);
      let offset = 0;
      while (offset < chunk.length) {
        try {
          offset += writeSync(fd, chunk, offset, chunk.length - offset);
        } catch (error) {
          const e = error as NodeJS.ErrnoException;
          if (e.code === 'EAGAIN' && Date.now() < deadline) {
            sleepSync(5);
            continue;
          }
          breakDown(e, lines);
          return;
        }
      }
    },
    get dropped() {
      return dropped;
    },
    get broken() {
      return broken;
    },
  };
  return sink;
}
