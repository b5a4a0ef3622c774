/** The `--explain` record as a few readable lines (for `aws-qa ask --explain`). */
import type { Explain } from './explain';

export function renderExplain(e: Explain): string {
  const list = (label: string, items: string[]): string[] => (items.length ? [`${label} ${items.join(', ')}`] : []);
  const read = [
    ...list('entities', e.read.entities),
    ...list('not covered', e.read.notCovered),
    ...list('aspects', e.read.aspects),
    ...list('unknown', e.read.unknown),
    ...list('content', e.read.content),
    ...list('cues', e.read.cues),
  ];
  const width = Math.max(...e.candidates.map((c) => c.intent.length));
  const context = e.context ? [contextLine(e.context)] : [];
  return [
    ...context,
    `read: ${read.join(' · ') || 'nothing'}`,
    ...e.candidates.map((c) => `${c.chosen ? '*' : ' '} ${c.intent.padEnd(width)}  ${c.score.toFixed(3)}  ${c.why}`),
    `decision: ${e.decision.rule} (fitted threshold ${e.decision.threshold}, margin ${e.decision.margin})`,
    `chosen reading's features (value → contribution to the fitted score): ${e.contributions.map((c) => `${c.feature} ${c.value} → ${c.contribution}`).join(' · ')}`,
  ].join('\n');
}

function contextLine(c: NonNullable<Explain['context']>): string {
  const taken = [...c.taken.services, ...c.taken.aspects].join(', ');
  return `context: took ${taken} from the conversation; read as "${c.question}" (${c.used ? 'used' : 'not used: the question stands better alone'})`;
}
