/**
 * Plain-text renderer (CLI, logs, notifications): title, parts, source line, suggestions.
 * Comparisons print one dimension per block with one line per service.
 */
import { answerChoices } from './actions';
import { assertNever, type Answer, type Part } from './answer';
import { sourceLabel } from './source-line';

function part(p: Part): string {
  switch (p.type) {
    case 'text':
      return p.text;
    case 'bullets':
      return [p.heading ? `${p.heading}:` : '', ...p.items.map((i) => `• ${i}`)].filter(Boolean).join('\n');
    case 'facts':
      return [p.heading ? `${p.heading}:` : '', ...p.facts.map((f) => `• ${f.label}: ${f.value}`)].filter(Boolean).join('\n');
    case 'comparison':
      return [
        p.heading ? `${p.heading}:` : '',
        ...p.rows.map((r) =>
          [`• ${r.dimension}`, ...r.values.map((v, i) => (v ? `    ${p.columns[i]}: ${v}` : '')).filter(Boolean)].join('\n'),
        ),
      ]
        .filter(Boolean)
        .join('\n');
    default:
      return assertNever(p);
  }
}

export function renderText(answer: Answer): string {
  const lines = [answer.title, ...answer.parts.map(part)];
  const choices = answerChoices(answer);
  if (choices.length) lines.push(`Did you mean: ${choices.map((c) => c.question).join(' | ')}`);
  if (answer.sources.length) lines.push(`Source: ${answer.sources.map(sourceLabel).join('; ')}`);
  return lines.filter(Boolean).join('\n\n');
}
