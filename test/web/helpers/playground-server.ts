/**
 * A loopback HTTP server running only the playground handler (no dependency on the real
 * server), with a real assistant over `knowledge/`, an in-memory feedback store and a pino
 * logger whose lines are kept for assertions.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { buildClient } from '../../../adapters/web/build-client';
import { requestPath } from '../../../adapters/shared/request-path';
import { createPlaygroundHandler, type PlaygroundOptions } from '../../../adapters/web/playground';
import { createAssistant, InMemoryFeedbackStore, type Assistant } from '../../../src/index';
import { KNOWLEDGE_DIR } from '../../helpers/knowledge';
import { tempDir } from '../../helpers/temp-dir';

export interface PlaygroundServer {
  url: string;
  server: Server;
  store: InMemoryFeedbackStore;
  /** Parsed pino log lines. */
  logs: Record<string, unknown>[];
  /** Replaces the assistant the handler sees (as the server does on a knowledge reload). */
  setAssistant(next: Assistant): void;
  close(): Promise<void>;
}

let sharedAssistant: Assistant | undefined;
/** One assistant over the real knowledge base, shared by the tests of a file. */
export function realAssistant(): Assistant {
  sharedAssistant ??= createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
  return sharedAssistant;
}

/** Builds the page into a fresh temporary directory, removed after the test file (esbuild, unminified for readable traces). */
export async function buildAssets(): Promise<string> {
  const outDir = tempDir('aws-qa-web-');
  await buildClient({ outDir, minify: false });
  return outDir;
}

/** Starts the handler on 127.0.0.1 on a free port, given the path as the server's router decides it; requests it does not handle get a 404. */
export async function startPlaygroundServer(options: Partial<PlaygroundOptions> & { assetsDir: string }): Promise<PlaygroundServer> {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const store = new InMemoryFeedbackStore();
  let assistant = realAssistant();
  const handler = createPlaygroundHandler({
    assistant: () => assistant,
    feedbackStore: store,
    logger: pino({ level: 'debug' }, stream),
    ...options,
  });
  const server = createServer((req, res) => {
    if (!handler(req, res, requestPath(req.url ?? '/') ?? '')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found (test server)');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    store,
    logs,
    setAssistant: (next) => {
      assistant = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
