/** The text report groups unanswered questions by the owner of the closest entry (its file's front matter). */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant, zeroTotals, type Report } from '../../src/index';
import { closestFor } from '../../adapters/cli/report';
import { formatText } from '../../adapters/cli/report-format';
import { FIXTURES_DIR, KNOWLEDGE_DIR, knowledgeCopy } from '../helpers/knowledge';

const dir = knowledgeCopy({ 'databases.md': readFileSync(join(FIXTURES_DIR, 'knowledge-reviewed', 'databases.md'), 'utf8') });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = '2026-11-20T10:00:00.000Z';
const report: Report = {
  unanswered: [
    { question: 'sla for route 53', count: 5, lastAsked: at },
    { question: 'aurora backup retention', count: 3, lastAsked: at },
    { question: 'rds encryption at rest', count: 2, lastAsked: at },
  ],
  downvoted: [],
  top: [],
  totals: { all: zeroTotals() },
  escalated: [],
};
const context = { period: 'the last 7 days', source: 'sqlite x', platforms: ['slack'] };

describe('report: unanswered questions by owner', () => {
  it('names the owner of the closest entry and groups its questions, "No owner" last', () => {
    const assistant = createAssistant({ knowledgeDir: dir });
    expect(closestFor(assistant, 'aurora backup retention').owner).toBe('team-databases');
    expect(closestFor(assistant, 'sla for route 53').owner).toBeUndefined();
    const text = formatText(report, { ...context, closest: (q) => closestFor(assistant, q) });
    const lines = text.split('\n');
    const owned = lines.indexOf('  Owner team-databases (2)');
    const none = lines.indexOf('  No owner (1)');
    expect(owned).toBeGreaterThan(0);
    expect(none).toBeGreaterThan(owned);
    expect(lines[owned + 1]).toMatch(/3× {2}aurora backup retention/);
    expect(lines[owned + 3]).toMatch(/2× {2}rds encryption at rest/);
    expect(lines[none + 1]).toMatch(/5× {2}sla for route 53/);
  });

  it('keeps the plain most-asked-first list when no file names an owner', () => {
    const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const text = formatText(report, { ...context, closest: (q) => closestFor(assistant, q) });
    expect(text).not.toMatch(/Owner|No owner/);
    expect(text).toMatch(/5× {2}sla for route 53[^]*3× {2}aurora backup retention/);
  });
});
