/**
 * A fake Bot Framework connector on loopback, in a worker thread (its work does not share the
 * bench's event loop; in production the connector is a remote service): answers every POST/PUT
 * with `{ id }` and counts them.
 */
import { Worker } from 'node:worker_threads';

const CONNECTOR_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
let count = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    count += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r' + count + '"}');
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'count') parentPort.postMessage({ count }); });
`;

export interface Connector {
  url: string;
  count(): Promise<number>;
  close(): Promise<void>;
}

export async function startConnector(): Promise<Connector> {
  const worker = new Worker(CONNECTOR_SOURCE, { eval: true });
  const port = await new Promise<number>((resolve) => worker.once('message', (m: { port: number }) => resolve(m.port)));
  return {
    url: `http://127.0.0.1:${port}/`,
    count: () =>
      new Promise((resolve) => {
        worker.once('message', (m: { count: number }) => resolve(m.count));
        worker.postMessage('count');
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
