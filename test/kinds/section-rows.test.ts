/**
 * One row asked, one row answered: a question that is no comparison but that the knowledge base's
 * own comparison section answers gets the rows holding what it asks, both sides, with the section
 * as the source, not the whole section (issue 20, sentence-level answers).
 */
import { createAssistant, renderText } from '../../src/index';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });

describe('a comparison section asked one thing', () => {
  it('answers with the rows that hold it', () => {
    const answer = assistant.ask('Can EMR serve a trained model to users?');
    const t = renderText(answer);
    expect(t).toMatch(/Requires additional setup for model serving/);
    expect(t).not.toMatch(/Jupyter|Hadoop, Spark, Hive/);
    expect(t.length).toBeLessThan(1000);
    expect(answer.sources.map((s) => s.section)).toEqual(['What are the differences between EMR and ML (SageMaker)?']);
  });

  it('still gives the advice of a stated problem whole', () => {
    const t = renderText(assistant.ask('our avatars are too big for a DynamoDB item, what now'));
    expect(t).toMatch(/400 KB/);
    expect(t).toMatch(/S3/);
  });
});
