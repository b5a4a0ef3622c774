/**
 * An aspect listed across services ("list the languages of each service"): every service's facts
 * that show it, service by service, instead of the one passage that holds the words.
 */
import { createAssistant } from '../../src/index';
import { KNOWLEDGE_DIR } from '../server/helpers/server';

describe('aspect lists across services', () => {
  const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });

  it.each(['list the languages of each service', 'list app server options on aws with their languages'])('%s', (question) => {
    const { answer, intent } = assistant.route(question);
    expect(intent).toBe('filter');
    expect(answer.title).toBe('Language support, service by service');
    const text = JSON.stringify(answer.parts);
    for (const service of ['Lambda', 'EC2', 'Elastic Beanstalk', 'App Runner']) expect(text).toContain(`${service} (Language support)`);
    expect(text).toContain('Node.js, Python, Java, Go, .NET, Ruby');
  });

  it('is not the reading when another word is asked, or for the SLA (its own tables)', () => {
    expect(assistant.route('list the services whose languages include Go').answer.title).not.toContain('service by service');
    expect(assistant.route('list all SLAs').answer.title).not.toContain('service by service');
  });
});
