/** Owners and review dates: a knowledge file's YAML front matter, its problems, and the sources that carry it. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkKnowledge, createAssistant, formatProblem, renderText, type Source } from '../../src/index';
import { parseMarkdown } from '../../src/knowledge/parse';
import { renderSlack } from '../../adapters/slack/render';
import { renderTeams } from '../../adapters/teams/render';
import { FIXTURES_DIR, knowledgeCopy } from '../helpers/knowledge';

const REVIEWED = readFileSync(join(FIXTURES_DIR, 'knowledge-reviewed', 'databases.md'), 'utf8');
/** The fixture's body without its front matter (the four lines at the top). */
const BODY = REVIEWED.split('\n').slice(4).join('\n');

const dirs: string[] = [];
const copy = (files: Record<string, string>): string => {
  const dir = knowledgeCopy(files);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('front matter', () => {
  describe('parseMarkdown', () => {
    it('reads owner and reviewed, and the entries below it as without front matter', () => {
      const { parsed, problems } = parseMarkdown('databases.md', REVIEWED);
      expect(problems).toEqual([]);
      expect(parsed.meta).toEqual({ owner: 'team-databases', reviewed: '2024-01-15' });
      const plain = parseMarkdown('databases.md', BODY).parsed;
      expect(parsed.entries.map((e) => e.question)).toEqual(plain.entries.map((e) => e.question));
      expect(parsed.title).toBe('Databases');
      // Lines stay the file's own lines: the first `##` is 3 lines below the front matter's 4.
      expect(parsed.entries[0].line).toBe(plain.entries[0].line + 4);
    });

    it('has no meta when the file has no front matter, or one without owner and reviewed', () => {
      expect(parseMarkdown('a.md', BODY).parsed.meta).toBeUndefined();
      const other = parseMarkdown('a.md', `---\ntitle: Databases\n---\n${BODY}`);
      expect(other.problems).toEqual([]);
      expect(other.parsed.meta).toBeUndefined();
      expect(other.parsed.entries.length).toBeGreaterThan(0);
    });

    it('leaves a `---` rule further down alone (front matter is only at the top)', () => {
      const { parsed, problems } = parseMarkdown('a.md', `${BODY}\n---\nowner: x\n---\n`);
      expect(parsed.meta).toBeUndefined();
      expect(problems.filter((p) => p.message.includes('front matter'))).toEqual([]);
    });

    it.each([
      ['a date that is no date', 'owner: team-databases\nreviewed: 2024-13-45', 3, /reviewed must be an ISO date/],
      ['a date in another format', 'owner: team-databases\nreviewed: 15/01/2024', 3, /reviewed must be an ISO date/],
      ['an unquoted number', 'reviewed: 20240115', 2, /reviewed must be an ISO date/],
      ['an empty owner', "owner: ''\nreviewed: 2024-01-15", 2, /owner must not be empty/],
      ['an owner that is a list', 'reviewed: 2024-01-15\nowner:\n  - a\n  - b', 4, /front matter: .*string/i],
      ['broken YAML', 'owner: team-databases\nreviewed: [2024-01-15', 3, /front matter: YAML/],
      ['a list instead of a mapping', '- owner\n- reviewed', 2, /must be a YAML mapping/],
    ])('reports %s as an error on its line', (_what, yaml, line, message) => {
      const { parsed, problems } = parseMarkdown('databases.md', `---\n${yaml}\n---\n${BODY}`);
      expect(parsed.meta).toBeUndefined();
      expect(problems).toEqual([expect.objectContaining({ file: 'databases.md', severity: 'error', message: expect.stringMatching(message) })]);
      expect(problems[0].line).toBe(line);
    });
  });

  describe('aws-qa check (checkKnowledge)', () => {
    it('accepts a file with front matter (it was "no Q&A entries" before)', () => {
      const problems = checkKnowledge(copy({ 'databases.md': REVIEWED }));
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('names the file and line of a malformed date', () => {
      const dir = copy({ 'databases.md': REVIEWED.replace('2024-01-15', '2024-02-30') });
      const errors = checkKnowledge(dir).filter((p) => p.severity === 'error').map(formatProblem);
      expect(errors).toEqual(['databases.md:3: front matter: reviewed must be an ISO date (YYYY-MM-DD)']);
    });
  });

  describe('sources', () => {
    const assistant = createAssistant({ knowledgeDir: copy({ 'databases.md': REVIEWED }) });
    const aurora = assistant.ask('SLA for Aurora');
    const eks = assistant.ask('SLA for EKS');

    it("carry the file's reviewed date and owner in the Answer JSON", () => {
      const source = JSON.parse(JSON.stringify(aurora)).sources[0] as Source;
      expect(source).toMatchObject({ file: 'databases.md', reviewed: '2024-01-15', owner: 'team-databases' });
    });

    it('carry neither for a file without front matter', () => {
      expect(eks.sources.length).toBeGreaterThan(0);
      for (const s of eks.sources) {
        expect(s.file).toBe('aws-qa.md');
        expect(s).not.toHaveProperty('reviewed');
        expect(s).not.toHaveProperty('owner');
      }
    });

    it('show "reviewed YYYY-MM-DD" in the source line of plain text, Slack and Teams', () => {
      expect(renderText(aurora)).toMatch(/^Source: databases\.md › .* · reviewed 2024-01-15$/m);
      const slack = JSON.stringify(renderSlack(aurora).blocks.filter((b) => b.type === 'context'));
      expect(slack).toContain('reviewed 2024-01-15');
      const teams = JSON.stringify(renderTeams(aurora));
      expect(teams).toMatch(/Source: databases\.md › [^"]* \(line \d+, reviewed 2024-01-15\)/);
      for (const text of [renderText(eks), JSON.stringify(renderSlack(eks)), JSON.stringify(renderTeams(eks))]) {
        expect(text).not.toContain('reviewed');
      }
    });
  });
});
