/**
 * The `/aws` slash command: the answer is the acknowledgement itself (within Slack's 3 s), as an
 * ephemeral message with a "Share in channel" button. `/aws` and `/aws help` give the help answer.
 * A command continues the same person's recent `/aws` questions in the same channel (`slackThread`).
 */
import type { App } from '@slack/bolt';
import { memoizeRender, type Answer } from '../../src/index';
import { askContextOf, slackThread } from './asker-context';
import { answerInContext, APOLOGY, type ListenerDeps, logFailure } from './deps';
import { slashCommandSchema } from './payloads';
import { renderSlack } from './render';

/** The ephemeral answer with its "Share in channel" button, as the command's acknowledgement. */
function ackBody(answer: Answer, experts: boolean) {
  return { response_type: 'ephemeral' as const, ...renderSlack(answer, { share: true, experts }) };
}

/**
 * Registers the handler of `command` (e.g. `/aws`) on `app`. With `serializedAcks` (HTTP mode,
 * where the request listener has already set `content-type: application/json` on every
 * response), the ack body is handed to Bolt as its JSON text, which Bolt writes as is; in Socket
 * Mode it must stay an object.
 */
export function registerCommand(app: App, command: string, deps: ListenerDeps, options: { serializedAcks?: boolean } = {}): void {
  // The ack body depends on the answer only (no user data): rendered (and serialized) once per shared answer.
  const experts = deps.experts !== undefined;
  const ackFor: (answer: Answer) => object | string = options.serializedAcks
    ? memoizeRender((answer) => JSON.stringify(ackBody(answer, experts)))
    : memoizeRender((answer) => ackBody(answer, experts));
  app.command(command, async ({ command: payload, ack, body, context }) => {
    const parsed = slashCommandSchema.safeParse(payload);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slack: malformed slash command');
      await ack({ response_type: 'ephemeral', text: 'Sorry, I could not read that command.' });
      return;
    }
    const asked = askContextOf(body, context);
    const ask = { ...asked, thread: slackThread('command', asked.asker ?? {}) };
    let reply: object | string | undefined;
    try {
      const answer = await answerInContext(deps, parsed.data.text, ask);
      reply = ackFor(answer);
      deps.logger.debug({ reqId: ask.requestId, kind: answer.kind, answerId: answer.id }, 'slack: slash command answered');
    } catch (error) {
      logFailure(deps, 'answering a slash command failed', error, { reqId: ask.requestId });
      reply = { response_type: 'ephemeral' as const, text: APOLOGY };
    }
    await ack(reply as Parameters<typeof ack>[0]);
  });
}
