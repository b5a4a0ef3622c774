/**
 * The Teams echo bot of the baselines: a `CloudAdapter` behind a bare node:http handler, replying
 * "ok" (or, with `cards`, the card precomputed for the message text). Used in process by
 * `teams-throughput.ts` and as its own process by `baselines/teams-echo.ts`.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ActivityHandler, type Activity, type CloudAdapter } from 'botbuilder';

export function echoListener(adapter: CloudAdapter, cards?: Map<string, Partial<Activity>>): RequestListener {
  const echo = new ActivityHandler();
  echo.onMessage(async (context, next) => {
    await context.sendActivity(cards?.get(context.activity.text ?? '') ?? 'ok');
    await next();
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const shim = {
        socket: req.socket,
        status: (code: number) => {
          res.statusCode = code;
        },
        header: (name: string, value: unknown) => {
          res.setHeader(name, String(value));
        },
        send: (payload: unknown) => {
          res.write(typeof payload === 'string' ? payload : JSON.stringify(payload));
        },
        end: () => {
          res.end();
        },
      };
      adapter
        .process({ body, headers: req.headers, method: req.method }, shim, (context) => echo.run(context))
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
  };
}
