/**
 * Count questions ("how many X …"): the reading names what is counted, and a passage answers one
 * only when it states a count of that thing, not when it merely holds the word inside another
 * ("Region-Level" counts no regions).
 */
import { createAssistant } from '../../src/index';
import { normalizeQuestion } from '../../src/read/normalize';
import { statesCountOf } from '../../src/router/candidate';
import { KNOWLEDGE_DIR } from '../server/helpers/server';
import { routerContext } from '../helpers/router-context';

const read = (q: string) => routerContext().reader.read(normalizeQuestion(q));

describe('count questions', () => {
  it('reads what is counted: the last word before the next function word', () => {
    expect(read('how many read replicas can aurora have').cues.counted).toBe('replicas');
    expect(read('How many regions does AWS have?').cues.counted).toBe('regions');
    expect(read('how many nines does lambda have').cues.counted).toBe('nines');
    expect(read('SLA for EKS').cues.counted).toBeUndefined();
    expect(read('how many').cues.counted).toBeUndefined();
  });

  it('knows a count of a thing from its word inside a compound', () => {
    expect(statesCountOf('Read replicas: Up to 15 Aurora Replicas', 'replicas')).toBe(true);
    expect(statesCountOf('Fans out to up to 12,500,000 subscriptions per topic', 'subscriptions')).toBe(true);
    expect(statesCountOf('Monthly Region-Level Availability SLA: 99.99%', 'regions')).toBe(false);
    expect(statesCountOf('Runs in many regions worldwide and keeps every object durable at 99.999999999%', 'regions')).toBe(false);
    // A figure that measures something (a unit follows it) counts nothing.
    expect(statesCountOf('Shard; each shard ingests 1 MB per second', 'shards')).toBe(false);
    expect(statesCountOf('A stream can have up to 500 shards', 'shards')).toBe(true);
  });

  it('does not answer a count from a passage that counts something else', () => {
    const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const regions = assistant.route('how many regions does aws have');
    expect(regions.answer.answered).toBe(false);
    const nines = assistant.ask('how many nines does lambda have');
    expect(nines.answered).toBe(true);
    expect(JSON.stringify(nines)).toContain('99.95%');
  });
});
