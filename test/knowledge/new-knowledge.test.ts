/** A new Q&A file of the same shapes answers with no code change (and no services.yml entry). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant, renderText } from '../../src/index';
import { FIXTURES_DIR, knowledgeCopy } from '../helpers/knowledge';

const dir = knowledgeCopy({ 'databases.md': readFileSync(join(FIXTURES_DIR, 'knowledge-extra', 'databases.md'), 'utf8') });
const assistant = createAssistant({ knowledgeDir: dir });
const text = (q: string) => renderText(assistant.ask(q));

describe('a new knowledge file', () => {
  it('adds SLA facts from its table, even for services the catalog does not list', () => {
    expect(text('SLA for Aurora')).toMatch(/99\.99%/);
    expect(text('neptune sla')).toMatch(/99\.9%/);
    expect(text('timestream availability')).toMatch(/No SLA published/);
    expect(text('SLA for RDS')).not.toMatch(/99\.99/);
  });

  it('adds its own comparison, by dimension', () => {
    const a = assistant.ask('RDS vs Aurora');
    expect(a.kind === 'compare' && a.synthesized).toBe(false);
    expect(renderText(a)).toMatch(/grows automatically/);
    expect(text('aurora vs rds storage')).toMatch(/size yourself/);
  });

  it('adds its options, with pros, cons and best for', () => {
    expect(text('what is DocumentDB best for')).toMatch(/JSON document workloads/);
    expect(text('cons of keyspaces')).toMatch(/Cassandra Query Language/);
    expect(text('which service for migrating cassandra workloads')).toMatch(/Keyspaces/);
  });

  it('lists at most 25 services for "all SLAs", naming how many more there are', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `| Gadget ${i + 1} | 99.${i}% |`).join('\n');
    const big = createAssistant({ knowledgeDir: knowledgeCopy({ 'gadgets.md': `## Gadget SLAs?\n\n| Service | Monthly SLA |\n| --- | --- |\n${rows}\n` }) });
    const answer = big.ask('list all the SLAs');
    expect(answer.parts.filter((p) => p.type === 'facts')).toHaveLength(25);
    expect(renderText(answer)).toMatch(/…and 11 more services with an SLA in the knowledge base/);
    // The help answer names at most 25 services too, and counts the rest.
    const help = renderText(big.ask('help'));
    const named = /Services covered: (.*) and (\d+) more\./.exec(help);
    expect(named?.[1].split(', ')).toHaveLength(25);
    expect(Number(named?.[2])).toBeGreaterThan(10);
    expect(help).toMatch(/Gadget 1\b/);
  });

  it('keeps answering the original knowledge', () => {
    expect(text('SLA for EKS')).toMatch(/99\.95%/);
    expect(text('list all SLAs')).toMatch(/Neptune/);
  });
});
