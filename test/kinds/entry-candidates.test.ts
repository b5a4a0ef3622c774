/**
 * The section reading (`entryCandidates`): the knowledge base's section about the services a
 * question names. Services named with nothing else asked ("DynamoDB vs S3?") get the section
 * about them together; a section about only some of the services named is still proposed, and
 * speaks to fewer of them (its subject share), so the scores, not a filter, weigh it.
 */
import { entryCandidates } from '../../src/kinds/entry/candidates';
import { createAssistant, renderText } from '../../src/index';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';
import { routerContext } from '../helpers/router-context';

const ctx = routerContext();
const sections = (q: string) => entryCandidates({ u: ctx.reader.read(q), ctx }).filter((c) => c.intent === 'section');
const MEDIA = 'Can I store images and movies in DynamoDB?';

describe('the section about the services named', () => {
  it('is proposed for two services named with nothing else asked', () => {
    const [s] = sections('When should we use DynamoDB vs S3?');
    expect(s?.why).toContain(MEDIA);
    expect(s?.evidence.subjects).toBe(1);
  });

  it('is not proposed for one service named with nothing else asked (its profile answers)', () => {
    expect(sections('DynamoDB?')).toEqual([]);
  });

  it('is proposed when it is about only some of the services named, speaking to fewer of them', () => {
    const [s] = sections('should we keep metadata in DynamoDB and the files in S3 for our EC2 app');
    expect(s?.why).toContain(MEDIA);
    expect(s?.evidence.subjects).toBeGreaterThan(0);
    expect(s?.evidence.subjects).toBeLessThan(1);
  });

  it('answers "X vs Y" with that section when the knowledge base has no comparison of them', () => {
    const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const answer = assistant.ask('When should be use Amazon DynamoDB vs. Amazon S3?');
    expect(answer.answered).toBe(true);
    expect(renderText(answer)).toMatch(/400 ?KB/);
    expect(answer.sources.map((x) => x.section)).toContain(MEDIA);
  });
});
