/**
 * The server's conversations: the memory (bounded, expiring on an injected clock), the facade that
 * keeps turns under a keyed hash and shares them through a real store (SQLite files here; the
 * PostgreSQL replicas are in test/store/conversation-replicas.test.ts), and the wrapper that reads
 * each question in its conversation with the real engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ConversationMemory } from '../../adapters/server/conversation-memory';
import { inConversations } from '../../adapters/server/conversational-assistant';
import { Conversations } from '../../adapters/server/conversations';
import { SharedConversations } from '../../adapters/server/shared-conversations';
import { openStore } from '../../adapters/store/open-store';
import type { SqlStore } from '../../adapters/store/sql-store';
import { type Assistant, createAssistant, createIdHasher, MAX_TURNS, type Turn } from '../../src/index';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

const turn = (services: string[], aspects: string[] = []): Turn => ({ services, aspects, compare: false, answered: true });
const MINUTE = 60_000;

/** A clock tests move by hand. */
function clock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('ConversationMemory', () => {
  it('keeps the last MAX_TURNS turns of a conversation, oldest dropped first', () => {
    const memory = new ConversationMemory({ ttlMs: MINUTE });
    for (let i = 0; i < MAX_TURNS + 3; i += 1) memory.add('h1', turn([`s${i}`]));
    const kept = memory.get('h1')!.turns;
    expect(kept).toHaveLength(MAX_TURNS);
    expect(kept[0].services).toEqual(['s3']);
    expect(kept.at(-1)!.services).toEqual([`s${MAX_TURNS + 2}`]);
  });

  it('forgets a conversation TTL after its last turn, and each turn starts the TTL again', () => {
    const c = clock();
    const memory = new ConversationMemory({ ttlMs: 15 * MINUTE, now: c.now });
    memory.add('h1', turn(['ec2'], ['sla']));
    c.advance(14 * MINUTE);
    memory.add('h1', turn(['lambda'], ['sla']));
    c.advance(14 * MINUTE);
    expect(memory.get('h1')?.turns).toHaveLength(2);
    c.advance(MINUTE + 1);
    expect(memory.get('h1')).toBeUndefined();
    memory.add('h1', turn(['eks']));
    expect(memory.get('h1')?.turns.map((t) => t.services)).toEqual([['eks']]);
  });

  it('holds at most `max` conversations, dropping the least recently used', () => {
    const memory = new ConversationMemory({ ttlMs: MINUTE, max: 2 });
    memory.add('a', turn(['ec2']));
    memory.add('b', turn(['ecs']));
    memory.get('a');
    memory.add('c', turn(['eks']));
    expect([memory.get('a') !== undefined, memory.get('b') !== undefined, memory.get('c') !== undefined]).toEqual([true, false, true]);
    expect(memory.size).toBe(2);
  });

  it("adopts another replica's turns only when newer, expiring them TTL after their own time", () => {
    const c = clock();
    const memory = new ConversationMemory({ ttlMs: 10 * MINUTE, now: c.now });
    memory.add('h', turn(['ec2']));
    expect(memory.adopt('h', { turns: [turn(['old'])], at: c.now() - 1 })).toBe(false);
    expect(memory.get('h')!.turns[0].services).toEqual(['ec2']);
    expect(memory.adopt('h', { turns: [turn(['ec2']), turn(['lambda'])], at: c.now() + 5 })).toBe(true);
    expect(memory.get('h')!.turns.map((t) => t.services[0])).toEqual(['ec2', 'lambda']);
    c.advance(10 * MINUTE + 6);
    expect(memory.get('h')).toBeUndefined();
    expect(memory.adopt('x', { turns: [turn(['eks'])], at: c.now() - 11 * MINUTE })).toBe(false);
  });
});

describe('Conversations', () => {
  const hash = createIdHasher('test-key-0123456789');
  const dirs: string[] = [];
  const stores: SqlStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function sqliteStore(): Promise<SqlStore> {
    const dir = mkdtempSync(join(tmpdir(), 'aws-qa-conv-'));
    dirs.push(dir);
    const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file: join(dir, 'aws-qa.db') });
    stores.push(store);
    return store;
  }

  it('keeps nothing without a thread, nor for what is not a question (log: false), nor when off (TTL 0)', () => {
    const on = new Conversations({ ttlMinutes: 15, hash });
    on.open({}).keep(turn(['ec2']));
    on.open({ thread: 'slack:dm:T1:D1', log: false }).keep(turn(['ec2']));
    expect(on.size).toBe(0);
    on.open({ thread: 'slack:dm:T1:D1' }).keep(turn(['ec2']));
    expect(on.open({ thread: 'slack:dm:T1:D1' }).turns).toEqual([turn(['ec2'])]);
    expect(on.open({ thread: 'slack:dm:T1:D2' }).turns).toBeUndefined();
    const off = new Conversations({ ttlMinutes: 0, hash });
    off.open({ thread: 'slack:dm:T1:D1' }).keep(turn(['ec2']));
    expect([off.enabled, off.size, off.open({ thread: 'slack:dm:T1:D1' }).turns]).toEqual([false, 0, undefined]);
  });

  it('shares turns through the store: replica B reads what A kept, and A takes B’s newer turn over its own memory', async () => {
    const store = await sqliteStore();
    const logger = pino({ level: 'silent' });
    const c = clock(Date.now());
    const replica = (): { conversations: Conversations; shared: SharedConversations } => {
      const shared = new SharedConversations({ table: store.conversations(), logger, ttlMs: 15 * MINUTE, now: c.now });
      return { conversations: new Conversations({ ttlMinutes: 15, hash, shared, now: c.now }), shared };
    };
    const a = replica();
    const b = replica();
    const thread = { thread: 'teams:tenant:19:abc@thread.tacv2;messageid=1' };
    a.conversations.open(thread).keep(turn(['ec2'], ['sla']));
    await a.shared.flush();
    expect(b.conversations.open(thread).turns).toBeUndefined();
    await b.conversations.recall(thread);
    expect(b.conversations.open(thread).turns).toEqual([turn(['ec2'], ['sla'])]);
    c.advance(1000);
    b.conversations.open(thread).keep(turn(['lambda'], ['sla']));
    await b.shared.flush();
    await a.conversations.recall(thread);
    expect(a.conversations.open(thread).turns?.map((t) => t.services[0])).toEqual(['ec2', 'lambda']);

    // Past the TTL the row is neither read nor kept.
    c.advance(15 * MINUTE + 1);
    const late = replica();
    await late.conversations.recall(thread);
    expect(late.conversations.open(thread).turns).toBeUndefined();
    await late.shared.purge();
    expect(await store.conversations().load(hash('channel', `conversation\u0000${thread.thread}`), 0)).toBeUndefined();
  });

  it('hashes an ask’s conversation key once, for its recall and its turns', async () => {
    const store = await sqliteStore();
    const shared = new SharedConversations({ table: store.conversations(), logger: pino({ level: 'silent' }), ttlMs: 15 * MINUTE });
    let hashed = 0;
    const counting: typeof hash = (kind, value) => ((hashed += 1), hash(kind, value));
    const conversations = new Conversations({ ttlMinutes: 15, hash: counting, shared });
    const ask = { thread: 'slack:dm:T1:D1' };
    await conversations.recall(ask);
    conversations.open(ask).keep(turn(['ec2'], ['sla']));
    expect(hashed).toBe(1);
    // Another ask in the same conversation is hashed anew (the key is per ask, not kept past it).
    conversations.open({ thread: 'slack:dm:T1:D1' });
    expect(hashed).toBe(2);
  });
});

describe('SharedConversations', () => {
  it('logs one warning while store writes fail and one line when they succeed again, never waiting or throwing', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'aws-qa-conv-')), mkdtempSync(join(tmpdir(), 'aws-qa-conv-'))];
    const [down, up] = await Promise.all(
      dirs.map(async (d) => (await openStore({ kind: 'sqlite', dataDir: d, file: join(d, 'aws-qa.db') })).store),
    );
    await down.close(); // a store that can no longer be reached: every write rejects
    let table = down.conversations();
    const lines: string[] = [];
    const shared = new SharedConversations({
      table: { save: (rows) => table.save(rows), load: (k, since) => table.load(k, since), purge: (before) => table.purge(before) },
      logger: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }),
      ttlMs: MINUTE,
    });
    for (let i = 0; i < 3; i += 1) {
      shared.queue({ keyHash: `k${i}`, turns: [turn(['ec2'])], at: Date.now() });
      await shared.flush();
    }
    expect(shared.dropped).toBe(3);
    expect(await shared.read('k0')).toBeUndefined();
    table = up.conversations();
    shared.queue({ keyHash: 'k9', turns: [turn(['ecs'])], at: Date.now() });
    await shared.close();
    expect((await up.conversations().load('k9', 0))?.turns).toEqual([turn(['ecs'])]);
    await up.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    const msgs = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(msgs.filter((m) => m.level === 40).map((m) => m.msg)).toEqual([
      'conversations: store writes failing; turns kept in memory only until it answers',
    ]);
    expect(msgs.some((m) => m.msg === 'conversations: store writes succeed again')).toBe(true);
  });
});

describe('inConversations (the real engine)', () => {
  let engine: Assistant;
  beforeAll(() => {
    engine = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
  });
  const hash = createIdHasher('test-key-0123456789');

  it('reads a follow-up in its own conversation only', () => {
    const assistant = inConversations(engine, new Conversations({ ttlMinutes: 15, hash }));
    expect(assistant.ask('SLA for EC2', { thread: 'web:one' }).title).toBe('Availability SLA: EC2');
    expect(assistant.ask('and for Lambda?', { thread: 'web:one' }).title).toBe('Availability SLA: Lambda');
    expect(assistant.ask('what are its cons?', { thread: 'web:one' }).title).toBe('Lambda: cons');
    expect(assistant.ask('and for Lambda?', { thread: 'web:two' }).title).not.toMatch(/SLA/);
    expect(assistant.ask('and for Lambda?').title).not.toMatch(/SLA/);
  });

  it('adds no turn for a re-rendered card (log: false)', () => {
    const assistant = inConversations(engine, new Conversations({ ttlMinutes: 15, hash }));
    assistant.ask('SLA for EC2', { thread: 'web:three' });
    assistant.ask('pros of Beanstalk', { thread: 'web:three', log: false });
    expect(assistant.ask('and for Lambda?', { thread: 'web:three' }).title).toBe('Availability SLA: Lambda');
  });

  it('answers every question alone when follow-ups are off', async () => {
    const assistant = inConversations(engine, new Conversations({ ttlMinutes: 0, hash }));
    await assistant.recall({ thread: 'web:four' });
    assistant.ask('SLA for EC2', { thread: 'web:four' });
    expect(assistant.ask('and for Lambda?', { thread: 'web:four' }).title).not.toMatch(/SLA/);
  });
});
