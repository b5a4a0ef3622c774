/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page's calls to the playground endpoints. Errors come back as {@link ApiError} carrying the
 * server's message (`{ error: { status, message, issues? } }`), so the page can show what was wrong.
 */
import type { Answer } from '../../../src/index';
import type { SlackMessage } from '../../slack/render';
import type { PlaygroundKnowledgeStatus } from '../playground';

/** `POST /playground/ask`'s response: the answer and both platforms' payloads. */
export interface AskResponse {
  answer: Answer;
  intent: string;
  slack: SlackMessage;
  /** The Teams message activity (`renderTeams(answer)`). */
  teams: { attachments?: { contentType: string; content: unknown }[] } & Record<string, unknown>;
  /** Which knowledge answered, and the last reload the server refused since its last good one. */
  knowledge?: PlaygroundKnowledgeStatus;
}

export interface FeedbackBody {
  answerId: string;
  question: string;
  vote: 'up' | 'down';
  from: 'slack' | 'teams';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, `the playground server is not reachable (${(error as Error).message})`);
  }
  const data = (await response.json().catch(() => undefined)) as { error?: { message?: string; issues?: string[] } } | undefined;
  if (!response.ok) {
    const detail = [data?.error?.message, ...(data?.error?.issues ?? [])].filter(Boolean).join('; ');
    throw new ApiError(response.status, `${response.status} ${detail || response.statusText}`);
  }
  return data as T;
}

/** Asks `question`, in the conversation `conversation` (an id from {@link newConversationId}) when given. */
export function askQuestion(question: string, conversation?: string): Promise<AskResponse> {
  return postJson<AskResponse>('/playground/ask', conversation ? { question, conversation } : { question });
}

/** A fresh conversation id: 32 random hex digits (`crypto.getRandomValues` works on plain http too). */
export function newConversationId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Records a 👍/👎 through the server's feedback store. */
export function sendFeedback(body: FeedbackBody): Promise<{ recorded: boolean }> {
  return postJson<{ recorded: boolean }>('/playground/feedback', body);
}
