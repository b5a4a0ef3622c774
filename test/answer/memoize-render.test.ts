import { memoizeRender, createAssistant, type Answer } from '../../src/index';
import { createAnswer } from '../helpers/answer-factory';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

describe('memoizeRender', () => {
  const counting = () => {
    const seen: Answer[] = [];
    return {
      seen,
      render: memoizeRender((a: Answer) => {
        seen.push(a);
        return { title: a.title };
      }),
    };
  };

  it('renders a shared (frozen) answer once and returns the same result', () => {
    const { seen, render } = counting();
    const shared = createAssistant({ knowledgeDir: KNOWLEDGE_DIR }).ask('SLA for EKS');
    expect(Object.isFrozen(shared)).toBe(true);
    expect(render(shared)).toBe(render(shared));
    expect(seen).toHaveLength(1);
  });

  it('renders an answer that is not frozen every time', () => {
    const { seen, render } = counting();
    const fresh = createAnswer('help');
    render(fresh);
    render(fresh);
    expect(seen).toHaveLength(2);
  });
});
