/**
 * Requests the Slack tests send, built from the real payload fixtures (`test/fixtures/slack/`):
 * Events API envelopes, `/aws` slash commands and button clicks. Each returns a fresh copy.
 */
import { fixture } from './harness';
import { formBody } from './signed-request';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are free-form JSON that each test edits by path
type Payload = Record<string, any>;

let events = 0;

/**
 * An Events API envelope from the fixture `name`, with a fresh `event_id` (so no retry dedupe
 * applies); `event` overrides fields of its event, `envelope` fields of the envelope itself.
 */
export function eventEnvelope(
  name: 'app-mention' | 'message-im',
  event: Record<string, unknown> = {},
  envelope: Record<string, unknown> = {},
): Payload {
  const body = fixture(name);
  events += 1;
  return { ...body, event_id: `Ev${Date.now()}${events}`, event: { ...body.event, ...event }, ...envelope };
}

/** A `/aws` slash command asking `text` (the fixture's form fields, `extra` overriding them), as a form body. */
export function slashCommand(text: string, extra: Record<string, string> = {}): string {
  return formBody({ ...fixture<Record<string, string>>('slash-command'), text, ...extra });
}

/** A `block_actions` payload (the fixture) clicking the button `actionId` with `value`, posting back to `responseUrl`. */
export function buttonClick(actionId: string, value: string, triggerId: string, responseUrl: string): Payload {
  const p = fixture('block-actions');
  p.trigger_id = triggerId;
  p.response_url = responseUrl;
  p.actions[0] = { ...p.actions[0], action_id: actionId, value };
  return p;
}
