/**
 * An amount of money asked is answered when the knowledge base states one for what is asked about
 * ("Pricing: $5 per TB scanned"), and declined, with the pricing model, when it does not.
 */
import { createAssistant, renderText } from '../../src/index';
import { statesPrice } from '../../src/language/states-price';
import { knowledgeCopy } from '../helpers/knowledge';

const QUERY = `# Query services

## Which query service should I use?

1. **Amazon Athena**
   * Pros: Serverless, nothing to provision
   * Pricing: $5 per TB of data scanned
   * Best for: Ad hoc SQL over files in S3
`;

const assistant = createAssistant({ knowledgeDir: knowledgeCopy({ 'query.md': QUERY }) });
const text = (q: string) => renderText(assistant.ask(q));

describe('prices', () => {
  it('reads a price as a figure with a currency sign or word beside it', () => {
    expect(statesPrice('$5 per TB of data scanned')).toBe(true);
    expect(statesPrice('0.40 USD per million requests')).toBe(true);
    expect(statesPrice('Pay only for compute time used')).toBe(false);
    expect(statesPrice('Costs $ and time')).toBe(false);
  });

  it('answers an amount the knowledge base states for the service asked about', () => {
    const answer = assistant.ask('athena price per tb scanned');
    expect(answer.answered).toBe(true);
    expect(renderText(answer)).toMatch(/\$5 per TB/);
  });

  it('still declines an amount it does not state, with the pricing model', () => {
    const answer = assistant.ask('how much does Lambda cost per hour');
    expect(answer.answered).toBe(false);
    expect(renderText(answer)).toMatch(/no prices for AWS Lambda/);
    expect(text('how much does Lambda cost per hour')).toMatch(/Pay only for compute time used/);
  });
});
