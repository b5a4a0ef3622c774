/**
 * Graceful shutdown on SIGTERM and SIGINT: run `stop` (the server stops accepting, `/healthz`
 * turns 503, in-flight requests finish, the platforms disconnect), then exit 0. `stop` is given
 * `timeoutMs` (default 8 s) by the caller; a hard deadline 1.5 s later exits anyway, so the
 * process is gone within 10 s of the signal. A second signal exits at once (code 130: Ctrl+C twice).
 * SIGHUP is not a shutdown signal: the composition root uses it to reload the knowledge base.
 */
import type { Logger } from './logger';

export interface ShutdownOptions {
  logger: Logger;
  /** Stops the server; resolves `true` when everything in flight finished, `false` if some was dropped. */
  stop: (reason: string) => Promise<boolean>;
  /** Hard deadline from the signal to exit, in ms. Default 9,500. */
  deadlineMs?: number;
  /** Exits the process. Default `process.exit`. */
  exit?: (code: number) => void;
  /** Signals handled. Default SIGTERM and SIGINT. */
  signals?: readonly NodeJS.Signals[];
}

export interface ShutdownHandle {
  /** Shuts down as if a signal had arrived (idempotent: later calls return the same promise). */
  shutdown(reason: string): Promise<void>;
  /** Removes the signal handlers. */
  dispose(): void;
}

/** Installs the signal handlers described above. */
export function installShutdown(options: ShutdownOptions): ShutdownHandle {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let running: Promise<void> | undefined;

  const shutdown = (reason: string): Promise<void> => {
    if (running) return running;
    const started = Date.now();
    options.logger.info({ reason }, 'shutting down: no new requests, finishing the ones in flight');
    const deadline = setTimeout(() => {
      options.logger.error({ reason, ms: Date.now() - started }, 'shutdown deadline passed; exiting now');
      exit(0);
    }, options.deadlineMs ?? 9_500);
    deadline.unref();
    running = options
      .stop(reason)
      .then(
        (clean) => {
          options.logger.info(
            { reason, clean, ms: Date.now() - started },
            clean ? 'stopped cleanly' : 'stopped; some requests were dropped',
          );
        },
        (error: unknown) => {
          options.logger.error({ err: error, reason }, 'error while stopping');
        },
      )
      .finally(() => {
        clearTimeout(deadline);
        exit(0);
      });
    return running;
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    if (running) {
      options.logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(130);
      return;
    }
    void shutdown(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);

  return {
    shutdown,
    dispose() {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}
