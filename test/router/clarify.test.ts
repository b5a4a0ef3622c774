/** "Did you mean": a typo equally close to two services asks instead of guessing. */
import { createAssistant, renderText } from '../../src/index';
import { knowledgeCopy } from '../helpers/knowledge';

const dir = knowledgeCopy({
  'lumen.md':
    '## What are the SLAs of the Lumina services?\n\n| Service | Monthly Uptime SLA |\n| --- | --- |\n| Amazon Lumina | 99.9% |\n| Amazon Lumino | 99.5% |\n',
});
const assistant = createAssistant({ knowledgeDir: dir });

describe('did you mean', () => {
  it('offers both readings as choices, each a full question', () => {
    const answer = assistant.ask('sla for luminx');
    expect(answer.kind).toBe('clarify');
    expect(answer.answered).toBe(true);
    expect(answer.kind === 'clarify' && answer.choices).toEqual([
      { label: 'Lumina', question: 'sla for Lumina' },
      { label: 'Lumino', question: 'sla for Lumino' },
    ]);
    expect(renderText(answer)).not.toMatch(/99\./);
  });

  it('answers each choice when it is asked', () => {
    expect(renderText(assistant.ask('sla for Lumina'))).toMatch(/99\.9%/);
    expect(renderText(assistant.ask('sla for Lumino'))).toMatch(/99\.5%/);
  });

  it('does not ask when the typo is clearly closer to one service', () => {
    expect(assistant.ask('sla for luminaa').kind).toBe('sla');
  });
});
