/**
 * An acronym the markdown defines in passing ("Elastic Load Balancing (ELB) offers…") names the
 * service it spells, in questions; prose never creates a service, and a taken acronym stays taken.
 */
import { createAssistant, renderText } from '../../src/index';
import { knowledgeCopy } from '../helpers/knowledge';

const EDGE = `# Edge services

## What uptime do the edge services commit to?

| Service                | Monthly Uptime Commitment |
| ---------------------- | ------------------------- |
| Edge Request Router    | 99.98%                    |
| Global Packet Relay    | 99.97%                    |

## How do the edge services fit together?

Edge Request Router (ERR) sends each request to the closest healthy origin. Global Packet Relay
(GPR) carries the traffic between edges. Quiet Zone Monitor (QZM) watches them both. Amazon EC2 (EC)
hosts the origins.
`;

const assistant = createAssistant({ knowledgeDir: knowledgeCopy({ 'edge.md': EDGE }) });
const ask = (q: string) => assistant.ask(q);

describe('acronyms defined in the prose', () => {
  it('name the service they spell', () => {
    expect(renderText(ask('ERR uptime'))).toMatch(/Edge Request Router[\s\S]*99\.98%/);
    // Across a line break too: the passage is one paragraph.
    expect(renderText(ask('gpr uptime?'))).toMatch(/Global Packet Relay[\s\S]*99\.97%/);
  });

  it('never make a service of a name the knowledge base does not list', () => {
    const answer = ask('QZM uptime');
    expect(renderText(answer)).not.toMatch(/Quiet Zone Monitor: /);
  });

  it('leave a name whose words it does not spell alone', () => {
    // "Amazon EC2 (EC)": EC is not the initials of "Amazon EC2".
    expect(ask('EC uptime').title).not.toMatch(/EC2/);
    expect(ask('ERR uptime').title).toMatch(/Edge Request Router/);
  });
});
